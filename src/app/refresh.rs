//! Bringing the lists up to date after a save, in proportion to what the save changed: one
//! row put in place, and the counts of the peers it served, instead of every row read again.
//! What these leave is exactly what [`App::set_data`] would make from the store's lists.

use std::cmp::Reverse;
use std::collections::HashSet;

use uuid::Uuid;

use super::{App, HistoryItem};
use crate::domain::{Peer, Timestamp};

/// The order of the history: newest first, then by id, as the store keeps its index.
fn order_key(started_at: Timestamp, id: Uuid) -> (Reverse<Timestamp>, Reverse<Uuid>) {
    (Reverse(started_at), Reverse(id))
}

impl App {
    /// Replaces the peer list with what the store holds now, in the order the lists show.
    pub fn set_peers(&mut self, mut peers: Vec<Peer>) {
        peers.sort_by_key(|p| p.alias.to_lowercase());
        self.peers = peers;
        self.peers_view.clamp(self.visible_peers().len());
    }

    /// Where the row of session `id` is, looked for first where a row starting at
    /// `started_at` would be (an amended note keeps its start), then through the list.
    pub fn history_position(&self, id: Uuid, started_at: Timestamp) -> Option<usize> {
        let key = order_key(started_at, id);
        let at = self
            .history
            .partition_point(|h| order_key(h.started_at, h.id) < key);
        if self.history.get(at).is_some_and(|h| h.id == id) {
            return Some(at);
        }
        self.history.iter().position(|h| h.id == id)
    }

    /// Puts a saved session's row in place (new, or replacing its earlier row, which
    /// started at `replaced`) and brings the counts of the peers it served, before and
    /// after, up to date. A new session's row goes in without looking at the others.
    pub fn put_history_row(&mut self, item: HistoryItem, replaced: Option<Timestamp>) {
        let earlier = replaced.and_then(|start| self.history_position(item.id, start));
        let unchanged_counts = earlier.is_some_and(|at| {
            let old = &self.history[at];
            old.started_at == item.started_at && old.served().eq(item.served())
        });
        let old = match earlier {
            Some(at) if unchanged_counts => {
                // Same place in the list, same counts: only the row itself changes.
                self.history[at] = item;
                self.clamp_history();
                return;
            }
            Some(at) => self.history.remove(at),
            None => None,
        };
        let key = order_key(item.started_at, item.id);
        let at = self
            .history
            .partition_point(|h| order_key(h.started_at, h.id) < key);
        match old {
            None => {
                for peer in item.served() {
                    self.peer_stats.entry(peer).or_default().count(&item);
                }
                self.history.insert(at, item);
            }
            Some(old) => {
                // The session moved or served other peers: count those peers again.
                let peers: HashSet<Uuid> = old.served().chain(item.served()).collect();
                self.history.insert(at, item);
                self.recount(&peers);
            }
        }
        self.clamp_history();
    }

    /// Counts the sessions of `peers` again from the history.
    fn recount(&mut self, peers: &HashSet<Uuid>) {
        for peer in peers {
            self.peer_stats.remove(peer);
        }
        for item in &self.history {
            for peer in item.served().filter(|p| peers.contains(p)) {
                self.peer_stats.entry(peer).or_default().count(item);
            }
        }
    }
}
