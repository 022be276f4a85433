//! Peers: the list kept in memory, saving it to peers.json, and each peer's session counts.

use std::collections::HashMap;

use uuid::Uuid;

use super::super::error::{Action, StoreError};
use super::super::index::{self, PeerStats};
use super::super::layout::{Layout, PEERS_FILE};
use super::super::problem::{Problem, ProblemKind};
use super::super::read::{Loaded, load};
use super::super::schema::{CURRENT_VERSION, PeersFile, PeersFileRef};
use super::writes::{Failed, encode_error};
use super::{Store, report_unreadable};
use crate::domain::Peer;

impl Store {
    /// Every peer, in the order they were added.
    pub fn peers(&self) -> &[Peer] {
        &self.peers
    }

    /// The peer with this id.
    pub fn peer(&self, id: Uuid) -> Option<&Peer> {
        self.peers.iter().find(|p| p.id == id)
    }

    /// Adds the peer, or replaces the one with the same id, and rewrites peers.json durably.
    /// On failure the peers in memory are unchanged. Refuses (never overwrites) when
    /// peers.json was written by a newer version of the app.
    pub fn save_peer(&mut self, peer: &Peer) -> Result<(), StoreError> {
        let mut next = self.peers.clone();
        match next.iter_mut().find(|p| p.id == peer.id) {
            Some(p) => *p = peer.clone(),
            None => next.push(peer.clone()),
        }
        self.write_peers(next)
    }

    /// Adds or replaces many peers with one write (for generated data).
    pub(crate) fn save_peers_bulk(&mut self, peers: &[Peer]) -> Result<(), StoreError> {
        let mut next = self.peers.clone();
        for peer in peers {
            match next.iter_mut().find(|p| p.id == peer.id) {
                Some(p) => *p = peer.clone(),
                None => next.push(peer.clone()),
            }
        }
        self.write_peers(next)
    }

    fn write_peers(&mut self, next: Vec<Peer>) -> Result<(), StoreError> {
        self.ensure_writable()?;
        if let Some(found) = self.peers_newer {
            return Err(StoreError::NewerVersion {
                action: Action::Save,
                file: PEERS_FILE.into(),
                found,
            });
        }
        self.guard_overwrite::<PeersFile>(PEERS_FILE)?;
        let bytes = serde_json::to_vec_pretty(&PeersFileRef {
            schema_version: CURRENT_VERSION,
            peers: &next,
        })
        .map_err(|_| encode_error(Action::Save))?;
        match self.write_file(PEERS_FILE, &bytes, Action::Save, true) {
            Ok(_) => {
                self.peers = next;
                Ok(())
            }
            Err(Failed { error, committed }) => {
                if committed.is_some() {
                    // The file already holds the new list; keep memory the same as disk.
                    self.peers = next;
                }
                Err(error)
            }
        }
    }

    /// Session count and most recent session for every peer that has sessions.
    pub fn peer_stats(&self) -> HashMap<Uuid, PeerStats> {
        index::peer_stats(&self.index)
    }

    /// Session count and most recent session for one peer.
    pub fn stats_for(&self, peer_id: Uuid) -> PeerStats {
        let mut st = PeerStats::default();
        for e in self.index.iter().filter(|e| e.involves(peer_id)) {
            st.session_count += 1;
            if st.last_session.is_none_or(|t| e.started_at > t) {
                st.last_session = Some(e.started_at);
            }
        }
        st
    }
}

/// Creates or opens the lock file and takes its exclusive lock without waiting.
pub(super) fn load_peers(
    layout: &Layout,
    writable: bool,
    problems: &mut Vec<Problem>,
) -> (Vec<Peer>, Option<u64>) {
    match load::<PeersFile>(&layout.path(PEERS_FILE)) {
        Loaded::Missing => (Vec::new(), None),
        Loaded::Found {
            value,
            migrated_from,
            ..
        } => {
            problems.extend(Problem::migrated(PEERS_FILE, migrated_from));
            (value.peers, None)
        }
        Loaded::Newer { found } => {
            problems.push(Problem {
                file: PEERS_FILE.into(),
                kind: ProblemKind::NewerVersion { found },
            });
            (Vec::new(), Some(found))
        }
        Loaded::Unreadable(reason) => {
            report_unreadable(layout, PEERS_FILE, reason, writable, problems);
            (Vec::new(), None)
        }
    }
}
