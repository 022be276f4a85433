//! The JSON store: versioned schema, atomic writes, migration, quarantine.
//!
//! # The data folder
//!
//! ```text
//! DATA/                       owner-only (0700); every file in it is 0600
//!   alongside.folder          marks the folder as ours: {"schema_version":1,"created_at":...}
//!   alongside.lock            locked while the app runs, so two apps never write at once
//!   peers.json                {"schema_version":1,"peers":[Peer, ...]}
//!   sessions/<uuid>.json      one saved session: {"schema_version":1,"session":{Session}}
//!   index.json                {"schema_version":1,"sessions":[IndexEntry, ...]} newest first;
//!                             a cache of session summaries for lists, rebuilt from sessions/
//!                             whenever it disagrees; never the source of truth
//!   index-snapshot.bin        index.json again in a compact binary form, read on open
//!                             instead of the JSON while it records index.json's stamp
//!                             (size, time, inode) and its checksum holds; rewritten otherwise
//!   index-search.json         {"schema_version":1,"texts":[{id, stamp, text}, ...]}: search
//!                             texts, read only when a search needs them
//!   index-log/<seq>.json      {"schema_version":1,"puts":[...],"removed":[...]}: index changes
//!                             since index.json, one record per save, folded in now and then
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
//!   practice/roleplays/<uuid>.json  one coded role-play, live tally or transcript (created
//!                             on first save): {"schema_version":1,"roleplay":{RolePlayRecord}}
//!   competencies.json         the trainee's competency record (created on first save):
//!                             {"schema_version":1,"competencies":{CompetencyRecord}}
//!   activity_log.json         indirect work logged by hand (created on first save):
//!                             {"schema_version":1,"activity_log":{ActivityLog}}
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
//! Opening lists `sessions/` and takes every file's metadata (one call each, without
//! following links, spread over a few threads for large folders), and compares its size,
//! time and inode with what index.json recorded: ids missing from either side are dropped or
//! read, and files that differ are read again, so a file changed in place is noticed at once
//! (a broken one is quarantined; a read-only open only reports it). A save writes its session
//! file, then one small index-log record, never the whole index: a record that is lost only
//! means the next open reads that file again, since its stamp no longer matches. An index
//! from before stamps is rebuilt on the first open; one with search text inside (the
//! previous release) is split into index.json and index-search.json.
//!
//! # Folders that are ours
//!
//! See [`folder`]: a marker file ([`folder::MARKER_FILE`]) makes a folder ours, with every
//! file in it, whatever kind; a non-empty folder without it (or an earlier release's full
//! layout) is refused. Modes, owners and links are checked on every open.
//!
//! # Layers
//!
//! One way only: [`fsio`] (the file layer every change goes through, replaceable in tests),
//! then [`atomic`] and [`crypt`] (durable writes and sealing), then [`schema`], [`read`] and
//! [`index`], then the store. `crypt::migrate` converts whole folders and sits beside the
//! store.
//!
//! # Opening
//!
//! [`Store::open`] takes the lock and may tidy (quarantine, remove leftovers, rewrite the
//! index). [`Store::open_read_only`] takes no lock and changes nothing on disk, so command-line
//! reads work while the app runs.

pub mod atomic;
pub mod crypt;
pub mod error;
pub mod folder;
pub mod fsio;
pub mod index;
pub mod layout;
mod memory;
pub mod problem;
mod quarantine;
pub mod read;
pub mod reason;
pub mod sample;
pub mod schema;
pub mod settings;
mod snapshot;
mod store;

pub use atomic::FileStamp;
pub use error::{Action, StoreError};
pub use index::{IndexEntry, PeerStats};
pub use problem::{Problem, ProblemKind, RebuildWhy};
pub use schema::{CURRENT_VERSION, Reason};
pub use store::{ForeignNote, GoalsOrigin, IndexCheck, Store, default_data_dir, read_foreign_note};
