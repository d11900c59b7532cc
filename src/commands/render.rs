//! `caseload render`: one frame of a pane as plain text, for scripts, docs and tests.

use color_eyre::eyre::{Result, eyre};

use super::emit;
use crate::app::update::settle;
use crate::cli::RenderArgs;
use crate::config::ThemeName;
use crate::context::{Context, SignIn};
use crate::ui::render_text;
use crate::ui::theme::Theme;

pub fn run(ctx: &Context, args: &RenderArgs) -> Result<i32> {
    let store = ctx.open_store()?;
    let mut app = ctx.session(&store, SignIn::Strict)?;
    if let Some(id) = &args.child {
        let index = app.data.child_index.get(id).copied().ok_or_else(|| eyre!("--child {id}: no such child"))?;
        app.focus_child = Some(index);
        if let Some(position) = app.panes.caseload.visible().iter().position(|&i| i == index) {
            app.panes.caseload.select(position);
        }
    }
    app.pane = args.pane;
    settle(&mut app, &store);
    let theme = Theme::new(ThemeName::Mono, true);
    let (width, height) = args.size;
    emit(&render_text(&app, &theme, width, height))?;
    Ok(0)
}
