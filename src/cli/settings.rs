//! `alongside settings`: where the settings file is and what it holds.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::domain::settings::SettingField;
use crate::storage::settings::{Loaded, SETTINGS_FILE, load};

pub fn show(config_dir: &Path, out: &mut dyn Write) -> Result<()> {
    let path = config_dir.join(SETTINGS_FILE);
    let loaded = load(config_dir);
    match &loaded {
        Loaded::Missing => writeln!(
            out,
            "{} (not written yet: these are the defaults; set them from Home with `s`)",
            path.display()
        )?,
        Loaded::Found(_) => writeln!(out, "{}", path.display())?,
        Loaded::Bad(msg) => writeln!(out, "{msg}")?,
    }
    let s = loaded.settings();
    for f in SettingField::ALL {
        let value = s.get(f);
        writeln!(
            out,
            "  {:<16} {}",
            f.key(),
            if value.is_empty() {
                "(blank)".to_string()
            } else {
                value
            }
        )?;
    }
    writeln!(out, "  {:<16} {}", "progress_layout", s.progress_layout)?;
    out.flush()?;
    Ok(())
}
