//! The command line: one module per subcommand (its args and its `run`), nothing else here but
//! the top-level parser and the exit-code convention.

pub mod check;
pub mod extract;
pub mod schema;
pub mod tokens;

use clap::{Parser, Subcommand};

/// Exit codes: 0 all ok, 1 some error records (or check mismatches), 2 usage or fatal error.
pub const EXIT_OK: i32 = 0;
pub const EXIT_SOME_ERRORS: i32 = 1;
pub const EXIT_FATAL: i32 = 2;

#[derive(Debug, Parser)]
#[command(name = "dafu", version, about = "Turn Chinese government reply documents (建议/提案答复) into JSON records")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract one JSON record per document
    Extract(extract::Args),
    /// Print the JSON Schema of the record
    Schema(schema::Args),
    /// Compare DIR/<case>/input.txt with DIR/<case>/expected.json (golden files for CI)
    Check(check::Args),
    /// Print one document's segmentation, one word/tag per line
    Tokens(tokens::Args),
}

/// Run the parsed command; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Check(args) => check::run(args),
        Command::Tokens(args) => tokens::run(args),
    }
}
