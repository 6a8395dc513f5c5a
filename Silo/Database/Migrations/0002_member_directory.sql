-- The insurer's member directory, read only for the product. name_key is computed by the loader with
-- Enrolment.Grains.Members.NameKey (normalised last name, '|', normalised first name), the same function the
-- search uses, so that "Marie-Hélène d'Arcy" and "MARIE HELENE D ARCY" find the same member.
CREATE TABLE members
(
  member_number char(10) PRIMARY KEY CHECK (member_number ~ '^[0-9]{10}$'),
  last_name     text NOT NULL,
  first_name    text NOT NULL,
  birth_date    date NOT NULL,
  street        text NOT NULL,
  postal_code   text NOT NULL,
  city          text NOT NULL,
  mobile_phone  text NULL,
  name_key      text NOT NULL
);

CREATE INDEX members_by_identity ON members (name_key, birth_date);
