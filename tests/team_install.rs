//! A team install on one server: the program set-group-id to a group that owns the data, staff
//! not in the group. Each person reaches the database only through caseload, and each appears
//! in the audit as themselves. Needs root to make the accounts (CI runs as root); skipped
//! otherwise.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

fn sh(program: &str, args: &[&str]) -> Output {
    Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"))
}

fn must(program: &str, args: &[&str]) {
    let output = sh(program, args);
    assert!(output.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// The accounts and group made for the test, removed however it ends.
struct Accounts {
    group: String,
    users: Vec<String>,
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for user in &self.users {
            let _ = sh("userdel", &[user]);
        }
        let _ = sh("groupdel", &[&self.group]);
    }
}

/// Runs the installed program as `user`.
fn as_user(user: &str, program: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("runuser");
    command.args(["-u", user, "--"]).arg(program).args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("runuser runs")
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn each_person_works_through_caseload_as_themselves_and_nobody_reads_the_file() {
    if sh("id", &["-u"]).stdout != b"0\n" {
        assert!(std::env::var_os("CI").is_none(), "CI runs as root and must run this test");
        eprintln!("skipped: making accounts needs root");
        return;
    }
    let tag = std::process::id() % 100_000;
    let accounts =
        Accounts { group: format!("clteam{tag}"), users: vec![format!("clalice{tag}"), format!("clbob{tag}")] };
    let (alice, bob) = (accounts.users[0].as_str(), accounts.users[1].as_str());
    must("groupadd", &[&accounts.group]);
    for user in &accounts.users {
        must("useradd", &["-M", "-N", "-s", "/bin/sh", user]);
    }

    // The install: <prefix>/bin/caseload set-group-id, its root-owned configuration, the data
    // folder the group's alone.
    let dir = tempfile::tempdir().expect("temp dir");
    let prefix = dir.path().to_path_buf();
    chmod(&prefix, 0o755);
    let (bin, etc, data) = (prefix.join("bin"), prefix.join("etc/caseload"), prefix.join("data"));
    for folder in [&bin, &etc, &data] {
        std::fs::create_dir_all(folder).expect("folders");
    }
    chmod(&prefix.join("etc"), 0o755);
    chmod(&etc, 0o755);
    let program = bin.join("caseload");
    std::fs::copy(BIN, &program).expect("install the program");
    must("chown", &[&format!("root:{}", accounts.group), &program.display().to_string()]);
    chmod(&program, 0o2755);
    let database = data.join("caseload.db");
    std::fs::write(etc.join("config.toml"), format!("[team]\ndatabase = \"{}\"\n", database.display()))
        .expect("config");
    must("chown", &[&format!("root:{}", accounts.group), &data.display().to_string()]);
    chmod(&data, 0o2770);

    // The first import, by root: the county's staff sign in as alice and bob.
    let county = prefix.join("county");
    std::fs::create_dir(&county).expect("folder");
    std::fs::write(
        county.join("staff.csv"),
        format!(
            "staff_id,name,role,team,login\nS1,Alice Ames,officer,North,{alice}\nS2,Bob Bell,officer,North,{bob}\n"
        ),
    )
    .expect("staff");
    std::fs::write(
        county.join("children.csv"),
        "child_id,first_name,last_name,date_of_birth,officer,stage,plan_date,last_review_date\n\
         C1,Holly,Stewart,2015-04-18,S1,plan,2020-03-01,2026-10-01\n\
         C2,Logan,Wright,2014-02-11,S2,plan,2021-03-01,2026-09-01\n",
    )
    .expect("children");
    let imported = Command::new(&program).arg("import").arg(&county).output().expect("runs");
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    let meta = std::fs::metadata(&database).expect("the database is where the configuration says");
    assert_eq!(meta.mode() & 0o777, 0o660, "the group's, and nobody else's");

    // Each records a note; --as, --db and $USER do not change who they are.
    let note = |user: &str, child: &str, extra: &[&str], env: &[(&str, &str)]| {
        let args = [&["contact", "add", child, "--kind", "note", "--summary", "rang school"][..], extra].concat();
        let output = as_user(user, &program, &args, env);
        assert!(output.status.success(), "{user}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    note(alice, "C1", &[], &[]);
    let elsewhere = prefix.join("elsewhere.db").display().to_string();
    let said = note(bob, "C2", &["--as", "S1", "--db", &elsewhere], &[("USER", alice), ("CASELOAD_DB", &elsewhere)]);
    assert!(said.contains("are not used"), "{said}");
    assert!(!Path::new(&elsewhere).exists(), "no other database was made");
    let conn = rusqlite::Connection::open(&database).expect("root reads the audit");
    let mut statement =
        conn.prepare("SELECT staff_id, account FROM audit WHERE action = 'record_contact' ORDER BY id").expect("sql");
    let rows: Vec<(String, String)> =
        statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query").map(|r| r.expect("row")).collect();
    assert_eq!(rows, vec![("S1".into(), alice.to_string()), ("S2".into(), bob.to_string())]);

    // Neither can open the file, or even list the folder, except through caseload.
    for user in [alice, bob] {
        let read = Command::new("runuser").args(["-u", user, "--", "cat"]).arg(&database).output().expect("runs");
        assert!(!read.status.success(), "{user} read the database directly");
        let list = Command::new("runuser").args(["-u", user, "--", "ls"]).arg(&data).output().expect("runs");
        assert!(!list.status.success(), "{user} listed the data folder");
    }

    // What a person asks to be written is theirs, not the group's.
    let out: PathBuf = prefix.join("alice-export");
    std::fs::create_dir(&out).expect("folder");
    must("chown", &[alice, &out.display().to_string()]);
    let exported = as_user(alice, &program, &["export", &out.display().to_string()], &[]);
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let team_gid = std::fs::metadata(&data).expect("data").gid();
    let file = std::fs::metadata(out.join("children.csv")).expect("exported");
    assert_ne!(file.gid(), team_gid, "the export is not the team group's");
    drop(accounts);
}
