//! The shipped example scenarios: the files of `presets/`, built into the program so that File →
//! Examples works wherever it is installed, and so that the validation can run every one of
//! them (D7: never more than 18 feeds a day in any scenario). One list for both.

use std::path::Path;

use crate::preset::PresetError;
use crate::scenario::Scenario;

/// A shipped example scenario.
pub struct Example {
    pub file: &'static str,
    pub text: &'static str,
}

macro_rules! examples {
    ($($file:literal),* $(,)?) => {
        &[$(Example { file: $file, text: include_str!(concat!("../presets/", $file)) }),*]
    };
}

/// In the order File → Examples shows them.
pub static EXAMPLES: &[Example] = examples!(
    "healthy-on-demand.ron",
    "scheduled-3-hourly.ron",
    "night-feeds-dropped.ron",
    "three-extra-pumps.ron",
    "exclusive-pumping.ron",
    "power-pumping.ron",
    "delayed-activation.ron",
    "one-breast-favoured.ron",
    "sleepy-baby-rescue.ron",
    "missed-night-engorgement.ron",
    "gradual-weaning.ron",
    "stressed-mother.ron",
    "frequent-early-feeding.ron",
    "back-to-work-pumping.ron",
    "domperidone-low-supply.ron",
    "cabergoline-stop-lactation.ron",
);

impl Example {
    pub fn scenario(&self) -> Result<Scenario, PresetError> {
        crate::preset::from_str(self.text, Some(Path::new(self.file)))
    }

    /// The example whose file is `file` (e.g. `"gradual-weaning.ron"`).
    pub fn named(file: &str) -> Option<&'static Example> {
        EXAMPLES.iter().find(|e| e.file == file)
    }
}
