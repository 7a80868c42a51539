-- Schema v1 of the ConceptHash catalog. Constraints keep inconsistent states out of the database:
-- a label needs an existing image and class, an image has at most one current label, at most one model
-- version is active, codes and concept names belong to an existing model version.

create table image (
    id             bigserial primary key,
    sha256         char(64)    not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key    text        not null unique check (storage_key ~ '^[0-9a-f/]+\.png$'),
    media_type     text        not null check (media_type = 'image/png'),
    byte_size      bigint      not null check (byte_size > 0),
    width          integer     not null check (width > 0),
    height         integer     not null check (height > 0),
    original_name  text        not null check (length(original_name) between 1 and 255),
    source         text        not null check (length(source) between 1 and 255),
    split          text        not null default 'unspecified' check (split in ('train', 'test', 'unspecified')),
    bbox_x         real,
    bbox_y         real,
    bbox_width     real,
    bbox_height    real,
    created_at     timestamptz not null default now(),
    constraint bbox_complete check (
        (bbox_x is null and bbox_y is null and bbox_width is null and bbox_height is null)
        or (bbox_x is not null and bbox_y is not null and bbox_width > 0 and bbox_height > 0))
);
create index image_split_idx on image (split);
create index image_created_idx on image (created_at, id);

-- ground-truth part locations that some data sets carry (CUB, the synthetic parts world)
create table image_keypoint (
    image_id  bigint not null references image (id) on delete cascade,
    part      text   not null check (length(part) between 1 and 100),
    x         real   not null,
    y         real   not null,
    primary key (image_id, part)
);

create table image_class (
    id            bigserial primary key,
    name          text        not null unique check (length(name) between 1 and 200),
    display_name  text        not null check (length(display_name) between 1 and 200),
    family        text        check (family is null or length(family) between 1 and 200),
    created_by    text        not null,
    created_at    timestamptz not null default now()
);
create index image_class_family_idx on image_class (family);

-- label history: every change is a new row; exactly one row per labelled image is current
create table image_label (
    id           bigserial primary key,
    image_id     bigint      not null references image (id) on delete cascade,
    class_id     bigint      references image_class (id),
    current      boolean     not null default true,
    labelled_by  text        not null,
    labelled_at  timestamptz not null default now()
);
-- class_id null records an explicit "label removed" event in the history
create unique index image_label_one_current on image_label (image_id) where current;
create index image_label_class_idx on image_label (class_id) where current;
create index image_label_history_idx on image_label (image_id, labelled_at);

create table model_version (
    id                text        primary key check (id ~ '^[A-Za-z0-9._-]{1,100}$'),
    code_bits         integer     not null check (code_bits between 1 and 256),
    concepts          integer     not null check (concepts between 1 and 64),
    bits_per_concept  integer     not null check (bits_per_concept >= 1),
    package_key       text        not null,
    package_sha256    char(64)    not null check (package_sha256 ~ '^[0-9a-f]{64}$'),
    metrics           text        not null default '{}',
    active            boolean     not null default false,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    activated_at      timestamptz,
    constraint bits_split_evenly check (code_bits = concepts * bits_per_concept)
);
create unique index model_version_one_active on model_version (active) where active;

create table concept_name (
    model_version_id  text    not null references model_version (id) on delete cascade,
    concept_index     integer not null check (concept_index >= 0),
    name              text    not null check (length(name) between 1 and 100),
    primary key (model_version_id, concept_index)
);

-- binary codes, packed little-endian 64-bit words as in org.concepthash.search.BinaryCodes
create table image_code (
    model_version_id  text   not null references model_version (id) on delete cascade,
    image_id          bigint not null references image (id) on delete cascade,
    code              bytea  not null check (octet_length(code) between 8 and 32 and octet_length(code) % 8 = 0),
    primary key (model_version_id, image_id)
);

create table training_job (
    id                bigserial primary key,
    state             text        not null default 'queued'
                      check (state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    stage             text,
    recipe            text        not null,
    parameters        text        not null default '{}',
    progress          text        not null default '{}',
    idempotency_key   text        unique,
    model_version_id  text        references model_version (id),
    worker            text,
    error             text,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    heartbeat_at      timestamptz,
    finished_at       timestamptz,
    constraint finished_has_time check (state in ('queued', 'running') or finished_at is not null)
);
create index training_job_state_idx on training_job (state, created_at);

-- the labelled images a job trains on, frozen when the job is enqueued
create table training_job_image (
    job_id    bigint not null references training_job (id) on delete cascade,
    image_id  bigint not null references image (id) on delete cascade,
    class_id  bigint not null references image_class (id),
    primary key (job_id, image_id)
);
