-- Where an order was placed. Brazil's 7-day withdrawal right covers purchases made away from the
-- store, so the policy engine needs it; orders written before this were online orders.
ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'phone', 'store'));
