-- Schema v2: user accounts. Passwords are stored only as Argon2id hashes in PHC format; the role is one of
-- the three the app knows (each includes the ones before it).

create table app_user (
    id             bigserial   primary key,
    username       text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    password_hash  text        not null check (password_hash like '$argon2id$%'),
    role           text        not null check (role in ('viewer', 'curator', 'admin')),
    enabled        boolean     not null default true,
    created_by     text        not null check (length(created_by) between 1 and 100),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
