//! The specialist's own wellbeing checks (`wellbeing.json`), saved whole and durably like
//! every record (sealed when the folder is encrypted). Nothing else reads this file: no
//! report, export or list; only the wellbeing view and `alongside wellbeing`, by name.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::domain::wellbeing::WellbeingLog;
use crate::storage::error::StoreError;
use crate::storage::layout::WELLBEING_FILE;
use crate::storage::problem::Problem;
use crate::storage::schema::{CURRENT_VERSION, FileKind, Versioned};

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct WellbeingFile {
    pub schema_version: u64,
    pub wellbeing: WellbeingLog,
}

#[derive(Serialize)]
struct WellbeingFileRef<'a> {
    schema_version: u64,
    wellbeing: &'a WellbeingLog,
}

impl Versioned for WellbeingFile {
    const KIND: FileKind = FileKind::Wellbeing;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

impl Store {
    /// The wellbeing checks, empty before the first.
    pub fn wellbeing(&self) -> Result<(WellbeingLog, Vec<Problem>), StoreError> {
        self.load_record(WELLBEING_FILE, |f: WellbeingFile| f.wellbeing)
    }

    /// Saves every wellbeing check durably.
    pub fn save_wellbeing(&self, log: &WellbeingLog) -> Result<(), StoreError> {
        self.save_record::<WellbeingFile>(
            WELLBEING_FILE,
            &WellbeingFileRef {
                schema_version: CURRENT_VERSION,
                wellbeing: log,
            },
        )
    }
}
