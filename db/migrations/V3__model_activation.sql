-- who made a version the active one (the last activation; rollbacks are activations too)
alter table model_version add column activated_by text;
