-- one row per batch whose core rows are committed but whose models are not yet published (see
-- BatchesInFlight): a process that dies between the two leaves it here, and its rows are taken out of
-- core before the next batch or build
create table if not exists meta.batches_in_flight (
    batch_id varchar primary key,
    started_at timestamp not null
);

-- the batch's sequence number, which its core rows carry while it is in flight (older releases had none)
alter table meta.batches_in_flight add column if not exists batch_seq integer;
