-- Concept-part consistency of a model version (issue 14), measured on registration over the catalog's
-- test-split images with part keypoints, or taken from the training job's evaluation of the package.
-- JSON of org.concepthash.encode.eval.PartConsistencyReport; null = not measured.
alter table model_version add column part_consistency text;
