//! The JSON store: versioned schema, atomic writes, migration, quarantine.
//!
//! # The data folder
//!
//! ```text
//! DATA/                       owner-only (0700); every file in it is 0600
//!   alongside.lock            locked while the app runs, so two apps never write at once
//!   peers.json                {"schema_version":1,"peers":[Peer, ...]}
//!   sessions/<uuid>.json      one saved session: {"schema_version":1,"session":{Session}}
//!   index.json                {"schema_version":1,"sessions":[IndexEntry, ...]} newest first;
//!                             a cache of session summaries for lists and search, rebuilt from
//!                             sessions/ whenever it disagrees; never the source of truth
//!   drafts/<uuid>.json        an autosaved unfinished session, same shape as sessions/
//!   quarantine/               files that could not be read, moved here unchanged and never
//!                             deleted: `sessions--<uuid>.json`, `peers.json`, `peers.1.json`, ...
//!   worksheets/<uuid>.json    a worksheet filled between meetings (created on first save):
//!                             {"schema_version":1,"worksheet":{StandaloneWorksheet}}
//!   safety_plans/<peer>.json  every version of one peer's safety plan, named by the peer's id
//!                             (created on first save):
//!                             {"schema_version":1,"safety_plan":{SafetyPlanHistory}}
//!   practice/rounds/<uuid>.json  one practice round of a trainee (created on first save):
//!                             {"schema_version":1,"round":{RoundRecord}}
//!   competencies.json         the trainee's competency record (created on first save):
//!                             {"schema_version":1,"competencies":{CompetencyRecord}}
//!   goals.json                every peer's goals and next steps:
//!                             {"schema_version":1,"goals":{"goals":[PeerGoal, ...]}};
//!                             built once from the goals in session summaries when missing
//!   alongside.key             only when encrypted: the data key under the passphrase
//!   alongside.crypt           only while a whole-folder encrypt/decrypt is under way
//! ```
//!
//! Practice rounds and the competency record are read only when their screens open
//! ([`Store::practice_rounds`], [`Store::competencies`]), so they never slow down opening.
//!
//! With encryption on ([`crypt`]), every file keeps its name and holds an age file whose
//! plaintext is exactly what is described here; the shared write and decode helpers seal
//! and open them, so nothing else changes.
//!
//! File names hold ids only, never an alias or note text. `Session`, `Peer`, the worksheet
//! types in `crate::domain::worksheets` and their fields are serialized by serde exactly as
//! declared in `crate::domain`; times are RFC 3339 with their UTC offset. `IndexEntry` is in [`index`]. Temporary files start with
//! `.alongside-tmp-` and are removed when the folder is next opened for writing.
//!
//! # Versions
//!
//! Every file carries `schema_version` (1 is current). An older file is upgraded in memory
//! and written in the current version when next saved. A file from a newer version of the
//! app is reported, left untouched and never overwritten (saving over it is refused).
//! A file that does not parse is moved to `quarantine/` and reported; the rest still loads.
//! Reasons given for a bad file name the kind of fault and its line and column, never its
//! content.
//!
//! # Writes
//!
//! Every write is durable and all-or-nothing ([`atomic`]): temporary file in the same
//! folder, flushed, renamed over the target, folder flushed. A saved session's file is
//! written before the index, and its draft is removed only after that.
//!
//! # Keeping the index honest
//!
//! Opening lists `sessions/` (names only) and compares it with index.json: ids missing from
//! either side are dropped or read. When the sessions folder is not strictly older than
//! index.json (a change the index may have missed, e.g. the app died between writing a
//! session and the index), every session file's size, time and inode are compared with
//! what the index recorded, and only the ones that differ are read again. If the index
//! cannot be written after a save, index.json is removed so the next open rebuilds it.
//! A session file edited in place by another program (not replaced) is not noticed until
//! it is opened; [`Store::rebuild_index`] re-reads everything.
//!
//! # Opening
//!
//! [`Store::open`] takes the lock and may tidy (quarantine, remove leftovers, rewrite the
//! index). [`Store::open_read_only`] takes no lock and changes nothing on disk, so command-line
//! reads work while the app runs.

pub mod atomic;
pub mod crypt;
pub mod error;
pub mod index;
pub mod layout;
pub mod problem;
mod quarantine;
pub mod read;
pub mod sample;
pub mod schema;
mod store;

pub use atomic::FileStamp;
pub use error::{Action, StoreError};
pub use index::{IndexEntry, PeerStats};
pub use problem::{Problem, ProblemKind, RebuildWhy};
pub use schema::{CURRENT_VERSION, Reason};
pub use store::{GoalsOrigin, Store, default_data_dir};
