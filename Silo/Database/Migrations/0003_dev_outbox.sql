-- Development only: what the development SMS and letter senders "sent", so that a person trying the wizard,
-- the browser tests and the load generator can read codes. The id is the message id: a message delivered
-- again after a crash (at least once) is recorded once (INSERT ... ON CONFLICT (id) DO NOTHING).
CREATE TABLE dev_outbox
(
  id         uuid PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('sms', 'letter')),
  recipient  text NOT NULL,         -- the phone number for an SMS, the member number for a letter
  payload    text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dev_outbox_newest_first ON dev_outbox (kind, recipient, created_at DESC);
