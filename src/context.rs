//! Start-up wiring, in one place: where the database and configuration are, what day it is, who
//! is running the program, and opening a session of the interface for them.

use std::path::PathBuf;

use chrono::NaiveDate;
use color_eyre::eyre::{Result, WrapErr, eyre};

use crate::app::keymap::Keymap;
use crate::app::update::who_am_i_picker;
use crate::app::{App, Overlay, PickerPurpose};
use crate::config::Config;
use crate::domain::{Calendar, County, Milestone, county::county_milestones};
use crate::store::{Access, Store};
use clap::Args;

/// The options every command takes.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Database file [default: caseload.db in the platform data directory]
    #[arg(long, global = true, env = "CASELOAD_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Treat this date as today (YYYY-MM-DD), for reproducible output
    #[arg(long, global = true, env = "CASELOAD_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// Configuration file [default: config.toml in the platform config directory]
    #[arg(long, global = true, env = "CASELOAD_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Act as this member of staff (staff id) instead of the one matching your login
    #[arg(long = "as", global = true, value_name = "STAFF_ID")]
    pub as_staff: Option<String>,
}

/// What every command needs: where the data is, what day it is, and the rules in force.
pub struct Context {
    pub db_path: PathBuf,
    pub today: NaiveDate,
    /// The time of day when `today` is the real today; `None` under `--today`, so that runs
    /// with a fixed date do not depend on the clock.
    pub now: Option<chrono::NaiveTime>,
    pub config: Config,
    pub calendar: Calendar,
    pub as_staff: Option<String>,
    /// Running as a team install (see `team_install`).
    pub team: bool,
}

impl Context {
    pub fn new(global: &GlobalArgs, default_db: fn() -> Result<PathBuf>) -> Result<Context> {
        if let Some(team) = team_install()? {
            if global.db.is_some() || global.config.is_some() || global.as_staff.is_some() || global.today.is_some() {
                eprintln!(
                    "caseload: a team install takes its database and settings from {}; \
                     --db, --config, --as and --today (and their CASELOAD_ settings) are not used",
                    team.config_path.display()
                );
            }
            let now = chrono::Local::now();
            return Ok(Context {
                db_path: team.database,
                today: now.date_naive(),
                now: Some(now.time()),
                config: team.config,
                calendar: Calendar::england_and_wales(),
                as_staff: None,
                team: true,
            });
        }
        let config = Config::load(global.config.as_deref()).map_err(|e| eyre!("bad configuration: {e}"))?;
        let db_path = match &global.db {
            Some(path) => path.clone(),
            None => default_db()?,
        };
        Ok(Context {
            db_path,
            today: global.today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            now: global.today.is_none().then(|| chrono::Local::now().time()),
            config,
            calendar: Calendar::england_and_wales(),
            as_staff: global.as_staff.clone(),
            team: false,
        })
    }

    /// The demo county's team table (the shipped example's), unless the configuration has one.
    pub fn with_example_teams(mut self) -> Context {
        if self.config.teams.is_empty() {
            self.config.teams = example_teams();
        }
        self
    }

    /// The team finder's table: the configuration's, or on the demo database (and with none
    /// configured) the demo county's.
    pub fn teams(&self) -> Vec<crate::domain::teams::TeamRule> {
        if !self.config.teams.is_empty() || !self.db_path.exists() {
            return self.config.teams.clone();
        }
        let demo = Store::open_with(&self.db_path, Access::Owner).and_then(|store| store.is_demo()).unwrap_or(false);
        if demo { example_teams() } else { Vec::new() }
    }

    pub fn open_store(&self) -> Result<Store> {
        let access = if self.team { Access::Group } else { Access::Owner };
        let mut store = Store::open_with(&self.db_path, access)
            .wrap_err_with(|| format!("cannot open the database {}", self.db_path.display()))?;
        store.set_account(os_account());
        Ok(store)
    }

    /// Opens the store and loads the county with every child's milestones.
    pub fn load(&self) -> Result<(Store, County, Vec<Vec<Milestone>>)> {
        let store = self.open_store()?;
        let county = store.load_county().wrap_err("cannot read the database")?;
        let milestones = county_milestones(&county, self.today, &self.calendar, &self.config.rules);
        Ok((store, county, milestones))
    }

    /// The member of staff running the program (a staff id). On a database whose staff have
    /// logins, that is whoever the operating-system account is, and `--as` is refused; on a demo
    /// or test database (no logins), `--as` says who.
    pub fn staff_id(&self, store: &Store) -> Result<String> {
        match self.identify(store)? {
            Identified::Staff(id) => Ok(id),
            Identified::Nobody(why) => Err(eyre!("{why}")),
        }
    }

    fn identify(&self, store: &Store) -> Result<Identified> {
        let logins = store.has_logins()?;
        if let Some(given) = &self.as_staff {
            if logins {
                let account = os_account().unwrap_or_else(|| "unknown".into());
                return Err(eyre!(
                    "--as {given}: on this database everyone is who they sign in as (you are the account \"{account}\"); \
                     --as is for demo and test databases, whose staff have no logins"
                ));
            }
            return match store.staff_member(given)? {
                Some(staff) => Ok(Identified::Staff(staff.id)),
                None => Err(eyre!("--as {given}: no member of staff has that id")),
            };
        }
        if !logins {
            return Ok(Identified::Nobody(
                "nobody on this database has a login, so caseload cannot tell who you are: pass --as STAFF_ID \
                 (a demo or test database)"
                    .into(),
            ));
        }
        let account = os_account().ok_or_else(|| eyre!("cannot tell which account is running caseload"))?;
        match store.staff_with_login(&account)? {
            Some(staff) => Ok(Identified::Staff(staff.id)),
            None => {
                let managers = store.manager_names()?;
                let ask = if managers.is_empty() { "a manager".to_string() } else { managers.join(" or ") };
                Err(eyre!(
                    "the account \"{account}\" is not on the staff list of this database; ask {ask} to add it \
                     (the login column of staff.csv)"
                ))
            }
        }
    }

    /// The date (and time) saves are checked against: the real one on a database whose staff have
    /// logins, so that `--today` can look ahead but never record the future; `--today` otherwise.
    pub fn save_clock(&self, store: &Store) -> Result<(NaiveDate, Option<chrono::NaiveTime>)> {
        Ok(if store.has_logins()? {
            let now = chrono::Local::now();
            (now.date_naive(), Some(now.time()))
        } else {
            (self.today, self.now)
        })
    }

    /// The interface's state for this person: the county loaded, the keys from the
    /// configuration, and the person signed in (or the who-am-I picker open).
    pub fn session(&self, store: &Store, sign_in: SignIn) -> Result<App> {
        let seen = store.last_change().map_err(|e| eyre!("cannot read the database: {e}"))?;
        let county = store.load_county().map_err(|e| eyre!("cannot read the database: {e}"))?;
        if county.staff.is_empty() {
            return Err(eyre!(
                "the database {} holds no staff yet: import a county with `caseload import DIR`, or try `caseload demo`",
                self.db_path.display()
            ));
        }
        let keymap = Keymap::from_config(&self.config).map_err(|e| eyre!("bad configuration: {e}"))?;
        let mut config = self.config.clone();
        if config.teams.is_empty() && store.is_demo().unwrap_or(false) {
            config.teams = example_teams();
        }
        let mut app = App::new(county, self.today, config, keymap, self.calendar.clone());
        app.now = self.now;
        app.seen_change = seen;
        (app.save_today, app.save_now) = self.save_clock(store)?;
        match self.identify(store)? {
            Identified::Staff(id) => {
                let index = app.find_staff(&id).ok_or_else(|| eyre!("{id} is not on the staff list"))?;
                app.sign_in(index);
                crate::app::update::settle(&mut app, store);
            }
            // The demo's staff are fictional: choose who to be.
            Identified::Nobody(_) if sign_in == SignIn::Picker => {
                let picker = who_am_i_picker(&app);
                app.overlay = Some(Overlay::Picker(PickerPurpose::WhoAmI, picker));
            }
            Identified::Nobody(why) => return Err(eyre!("{why}")),
        }
        Ok(app)
    }
}

/// Who is running the program, if that can be told.
enum Identified {
    Staff(String),
    /// Nobody can be named (a database without logins, and no `--as`): why not.
    Nobody(String),
}

/// A date on the command line: `YYYY-MM-DD`, with a message saying what is wrong otherwise.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    use chrono::format::ParseErrorKind::{Impossible, OutOfRange};
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|e| match e.kind() {
        // Shaped like a date, but the 13th month or the 30th of February.
        OutOfRange | Impossible => "no such day (YYYY-MM-DD, e.g. 2026-11-23)".to_string(),
        _ => "not a date like 2026-11-23 (YYYY-MM-DD)".to_string(),
    })
}

/// How the person is identified when the interface opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignIn {
    /// `--as`, else the OS login; refuse if neither matches a member of staff.
    Strict,
    /// As `Strict`, but offer a picker instead of refusing (the demo's staff are fictional).
    Picker,
}

/// The operating-system account running the program, as `staff.login` records it: the name of
/// the real user id. Never `$USER`, which anyone can set to anything.
#[cfg(unix)]
pub fn os_account() -> Option<String> {
    nix::unistd::User::from_uid(nix::unistd::getuid()).ok().flatten().map(|user| user.name)
}

#[cfg(not(unix))]
pub fn os_account() -> Option<String> {
    std::env::var("USERNAME").ok().filter(|v| !v.is_empty())
}

/// A team install: the program is installed set-group-id to a group (say `caseload`) that owns
/// the data directory, and staff, who are not in the group, reach the database only through it,
/// each as their own account. Its settings come from `<prefix>/etc/caseload/config.toml` beside
/// the installed `<prefix>/bin/caseload`, which must be root's and writable by nobody else.
pub struct TeamInstall {
    pub config_path: PathBuf,
    pub config: Config,
    pub database: PathBuf,
}

/// The team install this run is, if it runs with another group (or user) than its own.
#[cfg(unix)]
pub fn team_install() -> Result<Option<TeamInstall>> {
    use nix::unistd::{getegid, geteuid, getgid, getuid};
    if getegid() == getgid() && geteuid() == getuid() {
        return Ok(None);
    }
    let exe = std::env::current_exe().wrap_err("a team install cannot find its own program file")?;
    let prefix =
        exe.parent().and_then(std::path::Path::parent).ok_or_else(|| eyre!("a team install needs <prefix>/bin"))?;
    let config_path = prefix.join("etc").join("caseload").join("config.toml");
    trusted(&config_path)?;
    let config = Config::load(Some(&config_path)).map_err(|e| eyre!("the team install's configuration: {e}"))?;
    let database = config.team.database.clone().ok_or_else(|| {
        eyre!(
            "{} says where no database is: add [team] database = \"/var/lib/caseload/caseload.db\"",
            config_path.display()
        )
    })?;
    // Files made for the team (the -wal and -shm beside the database) are the group's to write.
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o007));
    Ok(Some(TeamInstall { config_path, config, database }))
}

#[cfg(not(unix))]
pub fn team_install() -> Result<Option<TeamInstall>> {
    Ok(None)
}

/// A team install trusts its configuration only if root owns it and its folder and nobody else
/// can write to either.
#[cfg(unix)]
fn trusted(path: &std::path::Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    for item in [Some(path), path.parent()].into_iter().flatten() {
        let meta = std::fs::metadata(item)
            .wrap_err_with(|| format!("a team install needs its configuration in {}", path.display()))?;
        if meta.uid() != 0 || meta.mode() & 0o022 != 0 {
            return Err(eyre!(
                "{} must be owned by root and writable by nobody else: a team install will not trust it",
                item.display()
            ));
        }
    }
    Ok(())
}

/// Runs `work` with the real user's own group, so that files it writes for the person (exports,
/// backups they asked for) are theirs, not the team group's.
pub fn as_real_user<T>(work: impl FnOnce() -> T) -> T {
    #[cfg(unix)]
    {
        use nix::unistd::{getegid, getgid, setegid};
        let team = getegid();
        if team != getgid() && setegid(getgid()).is_ok() {
            let value = work();
            // Going back to the saved set-group-id is always allowed.
            let _ = setegid(team);
            return value;
        }
    }
    work()
}

/// `NO_COLOR` set to anything non-empty turns colour off (no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

fn project_dirs() -> Result<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "caseload")
        .ok_or_else(|| eyre!("cannot find a home directory for the database; pass --db PATH"))
}

/// The default database, in the platform data directory.
pub fn default_db_path() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().join("caseload.db"))
}

/// The shipped example's team table: the demo county's.
fn example_teams() -> Vec<crate::domain::teams::TeamRule> {
    Config::parse(crate::config::EXAMPLE).map(|c| c.teams).unwrap_or_default()
}

/// The demo database, beside the default one.
pub fn demo_db_path() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().join("demo.db"))
}
