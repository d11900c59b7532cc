//! The schema, as an ordered list of migrations tracked in `PRAGMA user_version`.

use rusqlite::Connection;

use super::{Result, StoreError};

/// Each entry moves the schema from version `i` to `i + 1`. Append only: never edit a shipped one.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE staff (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('officer', 'senior', 'manager', 'admin')),
    team    TEXT NOT NULL,
    login   TEXT UNIQUE
);

CREATE TABLE children (
    id                   TEXT PRIMARY KEY,
    first_name           TEXT NOT NULL,
    last_name            TEXT NOT NULL,
    date_of_birth        TEXT NOT NULL,
    postcode             TEXT,
    setting              TEXT,
    primary_need         TEXT,
    officer_id           TEXT REFERENCES staff(id),
    stage                TEXT NOT NULL CHECK (stage IN ('request', 'assessment', 'draft', 'plan', 'ceased')),
    request_date         TEXT,
    assess_decision_date TEXT,
    draft_date           TEXT,
    plan_date            TEXT,
    last_review_date     TEXT,
    band                 INTEGER CHECK (band BETWEEN 1 AND 9),
    year_group_override  INTEGER,
    ceased_date          TEXT,
    cease_reason         TEXT
);
CREATE INDEX children_officer ON children(officer_id);

-- Who held each child, and when (reallocation history).
CREATE TABLE allocations (
    id          INTEGER PRIMARY KEY,
    child_id    TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    officer_id  TEXT REFERENCES staff(id),
    from_date   TEXT NOT NULL,
    to_date     TEXT,
    reason      TEXT NOT NULL DEFAULT '',
    by_staff    TEXT
);
CREATE INDEX allocations_child ON allocations(child_id);

-- Case history: notes, calls, emails, letters, meetings, panels, reviews.
CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    child_id  TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    date      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    staff_id  TEXT REFERENCES staff(id),
    summary   TEXT NOT NULL
);
CREATE INDEX events_child_date ON events(child_id, date);

-- Statutory steps: decisions, advice, drafts, reviews, amendments, ceasing, exceptions.
CREATE TABLE steps (
    id           INTEGER PRIMARY KEY,
    child_id     TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    date         TEXT NOT NULL,
    until        TEXT,
    detail       TEXT NOT NULL DEFAULT '',
    recorded_by  TEXT,
    recorded_at  TEXT
);
CREATE INDEX steps_child ON steps(child_id);

CREATE TABLE panel_submissions (
    id               INTEGER PRIMARY KEY,
    child_id         TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    panel_date       TEXT NOT NULL,
    question         TEXT NOT NULL,
    papers           TEXT NOT NULL DEFAULT '',
    submitted_by     TEXT REFERENCES staff(id),
    outcome          TEXT,
    info_needed      TEXT NOT NULL DEFAULT '',
    decision_sent    TEXT,
    sent_how         TEXT NOT NULL DEFAULT '',
    resubmission_of  INTEGER REFERENCES panel_submissions(id)
);
CREATE INDEX panels_date ON panel_submissions(panel_date);
CREATE INDEX panels_child ON panel_submissions(child_id);

CREATE TABLE absences (
    id              INTEGER PRIMARY KEY,
    staff_id        TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    from_date       TEXT NOT NULL,
    to_date         TEXT NOT NULL,
    cover_staff_id  TEXT REFERENCES staff(id)
);
CREATE INDEX absences_dates ON absences(to_date);

-- Phone messages and emails to answer within the service standards.
CREATE TABLE contacts (
    id        INTEGER PRIMARY KEY,
    child_id  TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    received  TEXT NOT NULL,
    summary   TEXT NOT NULL DEFAULT '',
    promised  TEXT,
    answered  TEXT,
    staff_id  TEXT REFERENCES staff(id)
);
CREATE INDEX contacts_child ON contacts(child_id);

CREATE TABLE surgery_slots (
    id          INTEGER PRIMARY KEY,
    officer_id  TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start       TEXT NOT NULL,
    minutes     INTEGER NOT NULL DEFAULT 15
);

CREATE TABLE surgery_bookings (
    id             INTEGER PRIMARY KEY,
    officer_id     TEXT NOT NULL REFERENCES staff(id),
    date           TEXT NOT NULL,
    start          TEXT NOT NULL,
    child_id       TEXT REFERENCES children(id) ON DELETE SET NULL,
    caller_number  TEXT NOT NULL DEFAULT '',
    query          TEXT NOT NULL DEFAULT '',
    booked_by      TEXT,
    created_at     TEXT NOT NULL,
    UNIQUE (officer_id, date, start)
);

-- Mediation and tribunal appeals.
CREATE TABLE disputes (
    id              INTEGER PRIMARY KEY,
    child_id        TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    registered      TEXT NOT NULL,
    response_due    TEXT,
    hearing         TEXT,
    order_kind      TEXT,
    order_date      TEXT,
    compliance_due  TEXT,
    detail          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX disputes_child ON disputes(child_id);

-- Who changed what, when, with the record before and after (JSON).
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    staff_id   TEXT,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT,
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
"#,
    // 2: disputes record the LA's response, compliance with an order, and closing.
    r#"
ALTER TABLE disputes ADD COLUMN responded TEXT;
ALTER TABLE disputes ADD COLUMN complied TEXT;
ALTER TABLE disputes ADD COLUMN closed TEXT;
"#,
    // 3: every editable record carries a version (a save from a stale copy is refused) and who
    // changed it last; audit rows name the child they concern (the change feed other sessions
    // read, and `audit --child`), and can be neither changed nor deleted.
    r#"
ALTER TABLE children ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE children ADD COLUMN changed_by TEXT;
ALTER TABLE children ADD COLUMN changed_at TEXT;
ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN changed_by TEXT;
ALTER TABLE contacts ADD COLUMN changed_at TEXT;
ALTER TABLE panel_submissions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE panel_submissions ADD COLUMN changed_by TEXT;
ALTER TABLE panel_submissions ADD COLUMN changed_at TEXT;
ALTER TABLE disputes ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE disputes ADD COLUMN changed_by TEXT;
ALTER TABLE disputes ADD COLUMN changed_at TEXT;
ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN changed_by TEXT;
ALTER TABLE staff ADD COLUMN changed_at TEXT;
ALTER TABLE audit ADD COLUMN child_id TEXT;
ALTER TABLE audit ADD COLUMN account TEXT;
CREATE INDEX audit_child ON audit(child_id, id);
CREATE INDEX audit_staff ON audit(staff_id, id);
CREATE INDEX bookings_child ON surgery_bookings(child_id);
CREATE TRIGGER audit_kept_unchanged BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;
CREATE TRIGGER audit_kept_whole BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be deleted');
END;
"#,
    // 4: requests for assessment as received (who asked), to-dos the product sets (telling a
    // family who their new officer is), and a child's allocations read by child.
    r#"
CREATE TABLE requests (
    id            INTEGER PRIMARY KEY,
    child_id      TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    received      TEXT NOT NULL,
    requested_by  TEXT NOT NULL,
    recorded_by   TEXT,
    recorded_at   TEXT
);
CREATE INDEX requests_child ON requests(child_id);

CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY,
    child_id    TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    created     TEXT NOT NULL,
    due         TEXT NOT NULL,
    done        TEXT,
    staff_id    TEXT REFERENCES staff(id),
    detail      TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 0,
    changed_by  TEXT,
    changed_at  TEXT
);
CREATE INDEX tasks_child ON tasks(child_id);
"#,
    // 5: facts about the database itself (that it holds the fictional demo county).
    r#"
CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
"#,
    // 6: absences of any kind, open-ended or ended early, acknowledged on return; cover given per
    // child for a period (an absence's cover of the whole caseload becomes one per child); the
    // duty rota; what an officer hands over before leave; who answered a contact; the day each
    // save was for (the handback reads the audit log by it).
    r#"
CREATE TABLE absences_new (
    id            INTEGER PRIMARY KEY,
    staff_id      TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('leave', 'sickness', 'training', 'other')),
    from_date     TEXT NOT NULL,
    to_date       TEXT,
    note          TEXT NOT NULL DEFAULT '',
    recorded_by   TEXT,
    acknowledged  TEXT,
    version       INTEGER NOT NULL DEFAULT 0,
    changed_by    TEXT,
    changed_at    TEXT
);
INSERT INTO absences_new (id, staff_id, kind, from_date, to_date)
    SELECT id, staff_id, CASE kind WHEN 'planned' THEN 'leave' ELSE 'sickness' END, from_date, to_date
    FROM absences;

CREATE TABLE covers (
    id          INTEGER PRIMARY KEY,
    child_id    TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    officer_id  TEXT NOT NULL REFERENCES staff(id),
    cover_id    TEXT NOT NULL REFERENCES staff(id),
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL,
    absence_id  INTEGER,
    set_by      TEXT
);
INSERT INTO covers (child_id, officer_id, cover_id, from_date, to_date, absence_id)
    SELECT c.id, a.staff_id, a.cover_staff_id, a.from_date, a.to_date, a.id
    FROM absences a JOIN children c ON c.officer_id = a.staff_id
    WHERE a.cover_staff_id IS NOT NULL AND c.stage != 'ceased';
CREATE INDEX covers_child ON covers(child_id);
CREATE INDEX covers_cover ON covers(cover_id);

DROP TABLE absences;
ALTER TABLE absences_new RENAME TO absences;
CREATE INDEX absences_staff ON absences(staff_id);

CREATE TABLE duty_rota (
    id        INTEGER PRIMARY KEY,
    team      TEXT NOT NULL,
    weekday   INTEGER CHECK (weekday BETWEEN 1 AND 7),
    date      TEXT,
    staff_id  TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    CHECK ((weekday IS NULL) != (date IS NULL))
);

CREATE TABLE handovers (
    id          INTEGER PRIMARY KEY,
    absence_id  INTEGER NOT NULL REFERENCES absences(id) ON DELETE CASCADE,
    child_id    TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    item        TEXT NOT NULL,
    item_ref    TEXT NOT NULL,
    what        TEXT NOT NULL,
    due         TEXT NOT NULL,
    hand_to     TEXT NOT NULL CHECK (hand_to IN ('before', 'duty', 'colleague')),
    to_staff    TEXT REFERENCES staff(id),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX handovers_absence ON handovers(absence_id);

ALTER TABLE contacts ADD COLUMN answered_by TEXT;
ALTER TABLE audit ADD COLUMN day TEXT;
"#,
    // 7: what was said when a phone message or email was answered.
    r#"
ALTER TABLE contacts ADD COLUMN answer TEXT NOT NULL DEFAULT '';
"#,
    // 8: a booked surgery call-back marked made, with what was said.
    r#"
ALTER TABLE surgery_bookings ADD COLUMN made TEXT;
ALTER TABLE surgery_bookings ADD COLUMN said TEXT NOT NULL DEFAULT '';
"#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to date, or refuses one written by a newer caseload.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew { found, supported: SCHEMA_VERSION });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
