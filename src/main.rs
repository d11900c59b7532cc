use clap::Parser;

fn main() {
    if let Err(e) = color_eyre::install() {
        eprintln!("caseload: cannot install the error handler: {e}");
    }
    let cli = caseload::commands::Cli::parse();
    match caseload::commands::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(error) => {
            eprint!("caseload: {error}");
            for cause in error.chain().skip(1) {
                eprint!(": {cause}");
            }
            eprintln!();
            std::process::exit(1);
        }
    }
}
