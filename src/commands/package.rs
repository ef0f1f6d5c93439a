//! `chartgen package`.

use std::io::Write;

use super::say;
use crate::cli::PackageArgs;
use crate::error::Result;

pub(super) fn run(args: PackageArgs, out: &mut dyn Write) -> Result<()> {
    for chart in &args.charts {
        let path = crate::package::package(chart, &args.destination)?;
        say(out, format_args!("packaged {}", path.display()))?;
    }
    Ok(())
}
