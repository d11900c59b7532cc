//! The handback: on signing in after an absence, what was done on the caseload meanwhile — by
//! whom, what and when, and what became of each hand-over — shown first until read (Enter); `H`
//! shows it again afterwards.

use super::update::{Records, reload};
use super::{App, Overlay};
use crate::casework::handback::waiting;
use crate::casework::{AcknowledgeHandback, Entry};

#[derive(Debug, Clone)]
pub struct HandbackView {
    pub absence_id: i64,
    /// The handback in words; `None` until read from the database (after signing in).
    pub lines: Option<Vec<String>>,
    pub scroll: usize,
    pub read: bool,
}

impl HandbackView {
    fn of(absence_id: i64, read: bool) -> HandbackView {
        HandbackView { absence_id, lines: None, scroll: 0, read }
    }
}

/// On signing in: the handback of an absence that is over and not yet read comes first.
pub fn on_sign_in(app: &mut App) {
    let Some(me) = app.me.map(|i| app.data.county.staff[i].id.clone()) else { return };
    if let Some(absence) = waiting(&app.data.county, &me, app.today()) {
        app.overlay = Some(Overlay::Handback(HandbackView::of(absence.id, false)));
    }
}

/// `H`: the handback waiting, else that of the latest absence that is over.
pub fn open(app: &mut App) {
    let Some(me) = app.me.map(|i| app.data.county.staff[i].id.clone()) else { return };
    let today = app.today();
    let county = &app.data.county;
    let absence = waiting(county, &me, today)
        .or_else(|| county.absences.iter().filter(|a| a.staff_id == me && a.over(today)).max_by_key(|a| a.from));
    match absence {
        Some(a) => app.overlay = Some(Overlay::Handback(HandbackView::of(a.id, a.acknowledged.is_some()))),
        None => app.say("you have no absence that is over: nothing to hand back"),
    }
}

/// Reads the handback's words when the overlay has none yet (it needs the audit log).
pub fn sync(app: &mut App, records: &dyn Records) {
    let Some(Overlay::Handback(view)) = &app.overlay else { return };
    if view.lines.is_some() {
        return;
    }
    let county = &app.data.county;
    let lines = match county.absences.iter().find(|a| a.id == view.absence_id) {
        Some(absence) => match records.handback(county, &app.data.milestones, absence, app.today()) {
            Ok(back) => back.lines(county),
            Err(e) => vec![format!("cannot read what was done: {e}")],
        },
        None => vec!["that absence is no longer on record".into()],
    };
    if let Some(Overlay::Handback(view)) = &mut app.overlay {
        view.lines = Some(lines);
    }
}

/// A key while the handback shows.
pub fn act(app: &mut App, action: super::action::Action, records: &mut dyn Records) {
    use super::action::Action;
    let Some(Overlay::Handback(view)) = &mut app.overlay else { return };
    let rows = view.lines.as_ref().map_or(0, Vec::len);
    match action {
        Action::Up => view.scroll = view.scroll.saturating_sub(1),
        Action::Down => view.scroll = (view.scroll + 1).min(rows.saturating_sub(1)),
        Action::PageUp => view.scroll = view.scroll.saturating_sub(10),
        Action::PageDown => view.scroll = (view.scroll + 10).min(rows.saturating_sub(1)),
        Action::Top => view.scroll = 0,
        Action::Bottom => view.scroll = rows.saturating_sub(1),
        Action::Accept if view.read => app.overlay = None,
        Action::Accept => {
            let absence_id = view.absence_id;
            acknowledge(app, absence_id, records);
        }
        Action::Cancel => {
            let read = view.read;
            app.overlay = None;
            if !read {
                app.say("not marked read: it shows again when you next sign in (H shows it now)");
            }
        }
        Action::Quit => app.quit = true,
        _ => {}
    }
}

fn acknowledge(app: &mut App, absence_id: i64, records: &mut dyn Records) {
    match app.save(&Entry::Acknowledge(AcknowledgeHandback { absence_id }), records) {
        Ok(done) => {
            app.overlay = None;
            reload(app, records);
            app.say(done);
        }
        Err(e) => app.warn(format!("not marked read: {e}")),
    }
}
