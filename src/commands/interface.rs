//! Opening the terminal interface, on the database or on the demo county.

use color_eyre::eyre::Result;

use crate::context::{Context, SignIn, no_color};
use crate::ui::theme::Theme;

/// Opens the interface on the database in `ctx`.
pub fn open(ctx: &Context) -> Result<i32> {
    run(ctx, SignIn::Strict)
}

/// Opens the interface on the demo database, offering a choice of who to be.
pub fn open_demo(ctx: &Context) -> Result<i32> {
    run(ctx, SignIn::Picker)
}

fn run(ctx: &Context, sign_in: SignIn) -> Result<i32> {
    let mut store = ctx.open_store()?;
    let mut app = ctx.session(&store, sign_in)?;
    let theme = Theme::new(ctx.config.theme, no_color());
    crate::tui::run(&mut app, &theme, &mut store)?;
    Ok(0)
}
