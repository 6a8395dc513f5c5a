-- A member the insurer's full file no longer lists has departed: the identity search no longer finds them, while
-- lookups by member number (their account, a password reset) still do.
ALTER TABLE members ADD COLUMN departed_at timestamptz NULL;

-- NameKey now spells out ligatures and sharp s (œ → oe, æ → ae, ß → ss). Keys stored before held them lower-cased
-- and otherwise unchanged, so replacing them here gives exactly what NameKey computes today.
UPDATE members
SET name_key = replace(replace(replace(name_key, 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')
WHERE name_key ~ '[œæß]';
