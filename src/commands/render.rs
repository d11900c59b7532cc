//! `caseload render`: one frame of a pane as plain text, for scripts, docs and tests.

use color_eyre::eyre::{Result, eyre};

use super::emit;
use super::values::Choice;
use crate::app::Pane;
use crate::app::update::settle;
use crate::config::ThemeName;
use crate::context::{Context, SignIn};
use crate::ui::render_text;
use crate::ui::theme::Theme;
use clap::Args;

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Which pane
    #[arg(long, default_value = "caseload", value_parser = Choice::new(Pane::ALL, Pane::name))]
    pub pane: Pane,
    /// Frame size as WIDTHxHEIGHT
    #[arg(long, default_value = "80x24", value_parser = parse_size)]
    pub size: (u16, u16),
    /// Focus this child (child id), e.g. for the timeline
    #[arg(long, value_name = "CHILD_ID")]
    pub child: Option<String>,
}

/// "80x24": a frame's width and height, 1 to 1000 each.
pub fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let bad = || format!("\"{text}\" is not a size like 80x24");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u16, u16) = (w.trim().parse().map_err(|_| bad())?, h.trim().parse().map_err(|_| bad())?);
    if w == 0 || h == 0 || w > 1000 || h > 1000 {
        return Err(format!("\"{text}\": width and height must be 1-1000"));
    }
    Ok((w, h))
}

pub fn run(ctx: &Context, args: &RenderArgs) -> Result<i32> {
    let store = ctx.open_store()?;
    let mut app = ctx.session(&store, SignIn::Strict)?;
    if let Some(id) = &args.child {
        let index = app.data.child_index.get(id).copied().ok_or_else(|| eyre!("--child {id}: no such child"))?;
        // Printing one child's record is opening it: audited.
        if let Some(me) = app.me {
            store.record_view(id, &app.data.county.staff[me].id)?;
            app.viewed = Some(id.clone());
        }
        app.focus_child = Some(index);
        if let Some(position) = app.panes.caseload.visible().iter().position(|&i| i == index) {
            app.panes.caseload.select(position);
        }
    }
    app.show(args.pane);
    settle(&mut app, &store);
    let theme = Theme::new(ThemeName::Mono, true);
    let (width, height) = args.size;
    emit(&render_text(&app, &theme, width, height))?;
    Ok(0)
}
