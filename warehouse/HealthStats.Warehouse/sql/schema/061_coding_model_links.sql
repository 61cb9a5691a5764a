-- a supervised model reads the anomaly score of the anomaly model it was trained with; an anomaly model
-- keeps the median score of its training abstracts, which maps its unbounded score onto 0..1
alter table coding.models add column if not exists anomaly_model varchar;
alter table coding.models add column if not exists anomaly_median double;
