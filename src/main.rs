//! The dafu binary: parse arguments, run, map the outcome to an exit code.
//! 0 all ok · 1 some error records · 2 usage or fatal error.

use std::io::Write;

use clap::Parser;

fn main() {
    let cli = match dafu::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { dafu::cli::EXIT_FATAL } else { dafu::cli::EXIT_OK };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let code = match dafu::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed stderr must not turn a clean fatal exit into a panic.
            let _ = writeln!(std::io::stderr(), "dafu: error: {e:#}");
            dafu::cli::EXIT_FATAL
        }
    };
    std::process::exit(code);
}
