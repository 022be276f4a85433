//! Ranked fuzzy search over the reference entries: pure, no UI, index built once.
//!
//! Matching is done word by word, with `nucleo-matcher` scoring each query word against each
//! distinct word of the content. Matching a word against whole paragraphs instead lets its
//! letters be picked out of many different words ("plan" in "peer looks at new"), which
//! floods long entries with false matches. Per word, a query word can match:
//! - exactly, or the same word with a plural or -ing/-ed ending;
//! - as the start of a word (what is typed so far: "refl" finds "reflective");
//! - inside a word, or as a nucleo fuzzy subsequence ("lstn" finds "listening");
//! - with one or two typing slips (Damerau-Levenshtein distance: "refelctive").
//!
//! An entry's score adds, for every query word, its best match in the title (weighted most),
//! the keywords, or the body (least), each weighted by how rare the word is across entries,
//! so "peer" counts for little and "refusal" for a lot. Entries get a bonus when several
//! query words meet on one body line or the whole query appears as a phrase, and lose score
//! for every query word they lack.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use nucleo_matcher::{Config, Matcher, Utf32String};
use serde::{Deserialize, Serialize};

use super::reference::{RefEntry, RefKind};

const TUNING: &str = include_str!("../../assets/search.toml");

/// Weights of a match in each part of an entry.
const W_TITLE: f32 = 3.0;
const W_KEYWORD: f32 = 2.0;
const W_BODY: f32 = 1.0;
/// Word matches weaker than this are ignored.
const MIN_SIM: f32 = 0.45;
/// Words matched at least this well are highlighted.
const MIN_HIGHLIGHT: f32 = 0.6;
/// At most this many query words are used (a pasted paragraph would only slow typing down);
/// enough for the longest skill titles, whose last words tell them apart.
const MAX_TERMS: usize = 16;

/// The shape of `assets/search.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tuning {
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Extra search words by entry id.
    #[serde(default)]
    pub aliases: HashMap<String, Vec<String>>,
    /// Starts of words that make a query about someone's safety.
    #[serde(default)]
    pub safety_words: Vec<String>,
    /// Entries that answer any safety question first, in this order.
    #[serde(default)]
    pub safety_entries: Vec<String>,
    /// Matches scoring under this share of the best are left out.
    #[serde(default)]
    pub weak_cut: f32,
}

impl Tuning {
    /// The built-in tuning. A test checks that it parses; if it somehow did not, search
    /// still works, only without stopwords and aliases.
    pub fn builtin() -> Tuning {
        toml::from_str(TUNING).unwrap_or_default()
    }
}

/// One distinct word of the content.
#[derive(Debug)]
struct Word {
    text: String,
    chars: Vec<char>,
    utf32: Utf32String,
    stem: String,
}

/// One query word, prepared once per search.
struct Term {
    text: String,
    chars: Vec<char>,
    stem: String,
    utf32: Utf32String,
    /// Its nucleo score against itself, to turn scores into a 0..1 ratio.
    perfect: f32,
}

/// The words of one entry, as ids into the vocabulary.
#[derive(Debug, Default)]
struct Doc {
    /// Title words in order.
    title: Vec<u32>,
    /// Title words that are not stopwords, for how much of the title a query covers.
    title_content: usize,
    keywords: Vec<u32>,
    /// Every distinct body word.
    body: Vec<u32>,
    /// Each body line's distinct words, for matches that meet on one line.
    lines: Vec<Vec<u32>>,
    /// Lowercased words without stopwords, joined by single spaces, for phrase matches.
    title_norm: String,
    keyword_norms: Vec<String>,
    line_norms: Vec<String>,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Index into [`SearchIndex::entries`].
    pub entry: usize,
    /// Higher is better; only comparable within one search.
    pub score: u32,
    /// How many of the query's words the entry matched.
    pub matched_terms: usize,
    /// The body line (by index among the body's lines) that best matches, if any.
    pub best_line: Option<usize>,
}

/// What a query matched, kept to highlight results without searching again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches {
    /// The query's words, after dropping stopwords.
    pub terms: Vec<String>,
    words: HashSet<u32>,
}

impl Matches {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// The result of one search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub matches: Matches,
}

/// The search index over a fixed list of entries. Build it once; each search reuses it.
pub struct SearchIndex {
    entries: Vec<RefEntry>,
    docs: Vec<Doc>,
    vocab: Vec<Word>,
    ids: HashMap<String, u32>,
    stopwords: HashSet<String>,
    matcher: Matcher,
    /// Scratch rows for [`typo_distance`], reused across calls.
    rows: [Vec<usize>; 3],
    /// The previous search's terms and their similarities.
    cache: Vec<(String, Vec<f32>)>,
    safety_words: Vec<String>,
    safety_entries: Vec<String>,
    weak_cut: f32,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .field("words", &self.vocab.len())
            .finish()
    }
}

/// Lowercase words of `text`: runs of letters and digits. Apostrophes inside a word are
/// dropped ("peer's" is "peers"), other punctuation separates words.
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut word = String::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            word.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’')
            && start.is_some()
            && iter.peek().is_some_and(|(_, n)| n.is_alphanumeric())
        {
            // Inside a word: keep going.
        } else if let Some(s) = start.take() {
            out.push((s..i, std::mem::take(&mut word)));
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), word));
    }
    out.into_iter()
}

/// A light English stem: enough that "questions" meets "question", "planning" meets "plan"
/// and "listened" meets "listen". Not a full stemmer; it only has to be consistent.
fn stem(word: &str) -> String {
    let mut w = word.to_string();
    if w.chars().count() <= 3 {
        return w;
    }
    if let Some(s) = w.strip_suffix("ies") {
        w = format!("{s}y");
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.chars().count() >= 3
        {
            w = s.to_string();
            // "planning" -> "plann" -> "plan"
            let b = w.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] && b[b.len() - 1] != b's' {
                w.pop();
            }
            break;
        }
    }
    w
}

/// Optimal string alignment distance (Levenshtein plus swapping two neighbours), giving up
/// once it is certain to exceed `max`. `rows` is scratch space, reused to avoid allocating.
fn typo_distance(a: &[char], b: &[char], max: usize, rows: &mut [Vec<usize>; 3]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    let [prev2, prev, cur] = rows;
    prev2.clear();
    prev2.resize(n + 1, 0);
    prev.clear();
    prev.extend(0..=n);
    cur.clear();
    cur.resize(n + 1, 0);
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    let d = prev[n];
    (d <= max).then_some(d)
}

fn kind_prior(kind: RefKind) -> f32 {
    // Tie-breakers only: among equal matches, the entries people reach for most come first.
    match kind {
        RefKind::Tool => 0.30,
        RefKind::Stage | RefKind::Concept | RefKind::Quality | RefKind::Crisis => 0.20,
        RefKind::Competency | RefKind::Role => 0.10,
        RefKind::Skill => 0.0,
    }
}

impl SearchIndex {
    /// Builds the index with the built-in tuning.
    pub fn new(entries: Vec<RefEntry>) -> SearchIndex {
        SearchIndex::with_tuning(entries, Tuning::builtin())
    }

    pub fn with_tuning(entries: Vec<RefEntry>, tuning: Tuning) -> SearchIndex {
        let stopwords: HashSet<String> = tuning.stopwords.into_iter().collect();
        let mut index = SearchIndex {
            entries: Vec::new(),
            docs: Vec::with_capacity(entries.len()),
            vocab: Vec::new(),
            ids: HashMap::new(),
            stopwords,
            matcher: Matcher::new(Config::DEFAULT),
            rows: Default::default(),
            cache: Vec::new(),
            safety_words: tuning.safety_words,
            safety_entries: tuning.safety_entries,
            weak_cut: tuning.weak_cut,
        };
        for e in &entries {
            let mut doc = Doc::default();
            let title: Vec<String> = words(&e.title).map(|(_, w)| w).collect();
            doc.title_content = title
                .iter()
                .filter(|w| !index.stopwords.contains(*w))
                .count()
                .max(1);
            doc.title = title.iter().map(|w| index.intern(w)).collect();
            doc.title_norm = index.norm(&title);
            let aliases = tuning.aliases.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
            let mut kw = HashSet::new();
            for k in e.keywords.iter().chain(aliases) {
                let ws: Vec<String> = words(k).map(|(_, w)| w).collect();
                for w in &ws {
                    kw.insert(index.intern(w));
                }
                doc.keyword_norms.push(index.norm(&ws));
            }
            doc.keywords = kw.into_iter().collect();
            doc.keywords.sort_unstable();
            let mut body = HashSet::new();
            for line in body_lines(&e.body) {
                let ws: Vec<String> = words(line).map(|(_, w)| w).collect();
                let mut ids: Vec<u32> = ws.iter().map(|w| index.intern(w)).collect();
                ids.sort_unstable();
                ids.dedup();
                body.extend(ids.iter().copied());
                doc.lines.push(ids);
                doc.line_norms.push(index.norm(&ws));
            }
            doc.body = body.into_iter().collect();
            doc.body.sort_unstable();
            index.docs.push(doc);
        }
        index.entries = entries;
        index
    }

    /// Words joined by single spaces, stopwords left out, to compare phrases the way query
    /// terms are compared.
    fn norm(&self, words: &[String]) -> String {
        let kept: Vec<&str> = words
            .iter()
            .filter(|w| !self.stopwords.contains(*w))
            .map(String::as_str)
            .collect();
        kept.join(" ")
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(id) = self.ids.get(w) {
            return *id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.push(Word {
            text: w.to_string(),
            chars: w.chars().collect(),
            utf32: Utf32String::from(w),
            stem: stem(w),
        });
        self.ids.insert(w.to_string(), id);
        id
    }

    pub fn entries(&self) -> &[RefEntry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> Option<&RefEntry> {
        self.entries.get(i)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    /// The number of distinct words indexed.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// The query's words, without stopwords unless that would leave none.
    pub fn terms(&self, query: &str) -> Vec<String> {
        let all: Vec<String> = words(query).map(|(_, w)| w).collect();
        let mut kept: Vec<String> = all
            .iter()
            .filter(|w| !self.stopwords.contains(*w))
            .cloned()
            .collect();
        if kept.is_empty() {
            kept = all;
        }
        let mut seen = HashSet::new();
        kept.retain(|w| seen.insert(w.clone()));
        kept.truncate(MAX_TERMS);
        kept
    }

    /// How well query word `t` matches vocabulary word `v`, from 0 (not at all) to 1.
    fn similarity(&mut self, t: &Term, v: usize) -> f32 {
        let word = &self.vocab[v];
        if word.text == t.text {
            return 1.0;
        }
        let tl = t.chars.len();
        let vl = word.chars.len();
        let mut best: f32 = 0.0;
        if tl >= 3 && word.stem == t.stem {
            best = 0.95;
        }
        if word.text.starts_with(&t.text) {
            // What has been typed so far: the shorter the rest, the closer.
            best = best.max(0.82 + 0.1 * (tl as f32 / vl as f32));
        } else if tl >= 3 && word.text.contains(&t.text) {
            best = best.max(0.55 + 0.1 * (tl as f32 / vl as f32));
        } else if tl >= 4
            && vl > tl
            && let Some(score) = self
                .matcher
                .fuzzy_match(word.utf32.slice(..), t.utf32.slice(..))
        {
            // Letters spread through a word are a weak sign; only close ones count.
            best = best.max(0.75 * f32::from(score) / t.perfect);
        }
        if tl >= 4 && best < 0.8 {
            let max = if tl >= 8 { 2 } else { 1 };
            if let Some(d) = typo_distance(&t.chars, &word.chars, max, &mut self.rows) {
                best = best.max(0.8 - 0.1 * d as f32);
            } else if tl >= 5
                && vl > tl
                && typo_distance(&t.chars, &word.chars[..tl], 1, &mut self.rows).is_some()
            {
                // A slip in what has been typed so far.
                best = best.max(0.65);
            }
        }
        best
    }

    /// Every vocabulary word's similarity to `t`, dense, zero below [`MIN_SIM`]. The last
    /// search's terms are kept, so typing one more letter only scores the word being typed.
    fn term_similarities(&mut self, t: &str) -> Vec<f32> {
        if let Some((_, sims)) = self.cache.iter().find(|(w, _)| w == t) {
            return sims.clone();
        }
        let utf32 = Utf32String::from(t);
        let perfect = self
            .matcher
            .fuzzy_match(utf32.slice(..), utf32.slice(..))
            .unwrap_or(1)
            .max(1);
        let term = Term {
            text: t.to_string(),
            chars: t.chars().collect(),
            stem: stem(t),
            utf32,
            perfect: f32::from(perfect),
        };
        (0..self.vocab.len())
            .map(|v| {
                let s = self.similarity(&term, v);
                if s >= MIN_SIM { s } else { 0.0 }
            })
            .collect()
    }

    /// Searches every entry. Hits come best first; entries that match none of the query's
    /// words are left out. An empty query gives no hits.
    pub fn search(&mut self, query: &str) -> Results {
        let terms = self.terms(query);
        if terms.is_empty() {
            return Results::default();
        }
        let sims: Vec<Vec<f32>> = terms.iter().map(|t| self.term_similarities(t)).collect();
        self.cache = terms.iter().cloned().zip(sims.iter().cloned()).collect();
        let mut matched_words = HashSet::new();
        for s in &sims {
            for (v, q) in s.iter().enumerate() {
                if *q >= MIN_HIGHLIGHT {
                    matched_words.insert(v as u32);
                }
            }
        }
        let n = terms.len();
        let best_in = |s: &[f32], ids: &[u32]| -> f32 {
            ids.iter().map(|v| s[*v as usize]).fold(0.0, f32::max)
        };

        // Per term and entry: the best match in each part.
        let per_doc: Vec<Vec<(f32, f32, f32)>> = self
            .docs
            .iter()
            .map(|d| {
                sims.iter()
                    .map(|s| {
                        (
                            best_in(s, &d.title),
                            best_in(s, &d.keywords),
                            best_in(s, &d.body),
                        )
                    })
                    .collect()
            })
            .collect();

        // Rarer words weigh more (inverse document frequency).
        let total = self.docs.len() as f32;
        let weights: Vec<f32> = (0..n)
            .map(|i| {
                let df = per_doc
                    .iter()
                    .filter(|p| p[i].0 > 0.0 || p[i].1 > 0.0 || p[i].2 > 0.0)
                    .count() as f32;
                ((total + 1.0) / (df + 0.5)).ln().max(0.2)
            })
            .collect();
        let weight_sum: f32 = weights.iter().sum();
        let phrase = terms.join(" ");

        let mut hits = Vec::new();
        for (i, (doc, parts)) in self.docs.iter().zip(&per_doc).enumerate() {
            let mut score = 0.0;
            let mut matched = 0;
            let mut presence = 0.0;
            let mut title_hits = 0;
            for (t, (title, kw, body)) in parts.iter().enumerate() {
                let best = (W_TITLE * title).max(W_KEYWORD * kw).max(W_BODY * body);
                if best > 0.0 {
                    matched += 1;
                    score += weights[t] * best;
                    // A weak match (letters picked out of a word) only half counts as present.
                    presence += (title.max(*kw).max(*body) / 0.8).min(1.0);
                }
                if *title > 0.0 {
                    title_hits += 1;
                }
            }
            if matched == 0 {
                continue;
            }
            // Several query words on one line of the body: they belong together there.
            let mut best_line = None;
            let mut best_line_score = 0.0;
            for (l, line) in doc.lines.iter().enumerate() {
                let mut line_score = 0.0;
                let mut count = 0;
                for (t, s) in sims.iter().enumerate() {
                    let q = best_in(s, line);
                    if q > 0.0 {
                        count += 1;
                        line_score += weights[t] * q;
                    }
                }
                if contains_words(&doc.line_norms[l], &phrase) {
                    line_score += weight_sum * 0.5;
                }
                if line_score > best_line_score {
                    best_line_score = line_score;
                    best_line = Some((l, count));
                }
            }
            if let Some((_, count)) = best_line
                && count >= 2
            {
                score += 0.5 * best_line_score * (count as f32 - 1.0) / (n as f32 - 1.0).max(1.0);
            }
            // The whole query as a phrase.
            if n >= 1 && phrase.len() >= 3 {
                if doc.title_norm == phrase {
                    score += 2.0 * weight_sum;
                } else if contains_words(&doc.title_norm, &phrase) {
                    score += 1.0 * weight_sum;
                } else if doc.keyword_norms.iter().any(|k| contains_words(k, &phrase)) {
                    score += 0.7 * weight_sum;
                }
            }
            // A title the query covers closely beats one it only touches.
            score += 0.5 * weight_sum * (title_hits as f32 / doc.title_content as f32).min(1.0)
                / n as f32;
            score += kind_prior(self.entries[i].kind);
            // Each missing word costs a lot: a query's words are all meant.
            let coverage = presence / n as f32;
            score *= coverage * coverage;
            hits.push(Hit {
                entry: i,
                score: (score * 100.0).round() as u32,
                matched_terms: matched,
                best_line: best_line.map(|(l, _)| l),
            });
        }
        // A question about someone's safety finds the safety plan and the crisis lines first,
        // whatever else it matches.
        let safety = terms
            .iter()
            .any(|t| self.safety_words.iter().any(|w| t.starts_with(w.as_str())));
        if safety {
            let top = hits.iter().map(|h| h.score).max().unwrap_or(0);
            let count = self.safety_entries.len() as u32;
            for (rank, id) in self.safety_entries.iter().enumerate() {
                let Some(entry) = self.entries.iter().position(|e| e.id == *id) else {
                    continue;
                };
                let lift = top + 1 + count - rank as u32;
                match hits.iter_mut().find(|h| h.entry == entry) {
                    Some(h) => h.score = h.score.max(lift),
                    None => hits.push(Hit {
                        entry,
                        score: lift,
                        matched_terms: 0,
                        best_line: None,
                    }),
                }
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        // Weak matches are noise under a natural question: keep those near the best.
        if let Some(best) = hits.first().map(|h| h.score) {
            let floor = (best as f32 * self.weak_cut) as u32;
            hits.retain(|h| h.score >= floor);
        }
        Results {
            hits,
            matches: Matches {
                terms,
                words: matched_words,
            },
        }
    }

    /// Byte ranges of the words in `text` that the query matched, for highlighting.
    pub fn highlights(&self, matches: &Matches, text: &str) -> Vec<Range<usize>> {
        if matches.words.is_empty() {
            return Vec::new();
        }
        words(text)
            .filter(|(_, w)| {
                self.ids
                    .get(w.as_str())
                    .is_some_and(|id| matches.words.contains(id))
            })
            .map(|(r, _)| r)
            .collect()
    }

    /// Entries whose titles are nearest to a query that matched nothing, best first.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<usize> {
        let q: Vec<Vec<char>> = words(query).map(|(_, w)| w.chars().collect()).collect();
        if q.is_empty() {
            return Vec::new();
        }
        let q_grams = trigrams(&query.to_lowercase());
        let mut rows = Default::default();
        let mut scored: Vec<(f32, usize)> = self
            .entries
            .iter()
            .zip(&self.docs)
            .enumerate()
            .filter(|(_, (e, _))| e.kind != RefKind::Skill)
            .map(|(i, (e, doc))| {
                // Each query word's closest word in the title or keywords, by the share of
                // letters that differ.
                let mut word_sim = 0.0;
                for qw in &q {
                    let best = doc
                        .title
                        .iter()
                        .chain(&doc.keywords)
                        .map(|v| {
                            let tw = &self.vocab[*v as usize].chars;
                            let len = qw.len().max(tw.len()).max(1);
                            let d = typo_distance(qw, tw, len, &mut rows).unwrap_or(len);
                            1.0 - d as f32 / len as f32
                        })
                        .fold(0.0, f32::max);
                    word_sim += best;
                }
                word_sim /= q.len() as f32;
                let t_grams = trigrams(&e.title.to_lowercase());
                let shared = q_grams.intersection(&t_grams).count() as f32;
                let dice = 2.0 * shared / (q_grams.len() + t_grams.len()).max(1) as f32;
                (word_sim + dice, i)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let best = scored.first().map_or(0.0, |s| s.0);
        // Below these, a "nearest" title shares next to nothing with the query, or is much
        // further from it than the nearest.
        scored
            .into_iter()
            .filter(|(s, _)| *s >= 0.45 && *s >= 0.8 * best)
            .take(limit)
            .map(|(_, i)| i)
            .collect()
    }
}

/// Whether `phrase` occurs in `text` on word boundaries (both are space-joined words).
fn contains_words(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    text.match_indices(phrase).any(|(at, _)| {
        let end = at + phrase.len();
        (at == 0 || text.as_bytes()[at - 1] == b' ')
            && (end == text.len() || text.as_bytes()[end] == b' ')
    })
}

fn trigrams(s: &str) -> HashSet<[char; 3]> {
    let chars: Vec<char> = format!("  {s} ").chars().collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// The non-empty lines of an entry body, the unit the entry view selects and inserts.
pub fn body_lines(body: &str) -> impl Iterator<Item = &str> {
    body.lines().filter(|l| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, title: &str, body: &str) -> RefEntry {
        RefEntry {
            id: id.to_string(),
            title: title.to_string(),
            kind: RefKind::Tool,
            body: body.to_string(),
            stage: None,
            keywords: Vec::new(),
        }
    }

    #[test]
    fn words_are_lowercase_runs_of_letters_and_digits() {
        let w: Vec<String> = words("Ask-Share-Ask: the peer's 3-month goal (988)")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            w,
            [
                "ask", "share", "ask", "the", "peers", "3", "month", "goal", "988"
            ]
        );
        let ranges: Vec<Range<usize>> = words("é ok").map(|(r, _)| r).collect();
        assert_eq!(ranges, [0..2, 3..5]);
    }

    #[test]
    fn stems_meet_plurals_and_endings() {
        assert_eq!(stem("questions"), stem("question"));
        assert_eq!(stem("planning"), "plan");
        assert_eq!(stem("listened"), "listen");
        assert_eq!(stem("activities"), "activity");
        assert_eq!(stem("process"), "process");
        assert_eq!(stem("bus"), "bus");
    }

    #[test]
    fn typo_distance_counts_swaps_as_one() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let mut rows = Default::default();
        let mut d = |a: &str, b: &str| typo_distance(&c(a), &c(b), 2, &mut rows);
        assert_eq!(d("refelctive", "reflective"), Some(1));
        assert_eq!(d("listning", "listening"), Some(1));
        assert_eq!(d("ab", "ba"), Some(1));
        assert_eq!(d("kitten", "sitting"), None);
        assert_eq!(d("abc", "xyz"), None);
        assert_eq!(d("", "ab"), Some(2));
    }

    #[test]
    fn title_beats_body_and_rare_words_beat_common_ones() {
        let mut idx = SearchIndex::with_tuning(
            vec![
                entry("a", "Planning", "The peer decides on steps."),
                entry("b", "Brainstorming", "Ideas first, then planning together."),
                entry("c", "Peer role", "What a peer does."),
            ],
            Tuning::default(),
        );
        let r = idx.search("planning");
        let order: Vec<&str> = r
            .hits
            .iter()
            .map(|h| idx.entries()[h.entry].id.as_str())
            .collect();
        assert_eq!(order, ["a", "b"]);
        // "peer" is in two entries, "decides" in one: the rarer word counts for more.
        let r = idx.search("peer decides");
        assert_eq!(idx.entries()[r.hits[0].entry].id, "a");
        let r = idx.search("peer ideas");
        assert!(r.hits.iter().all(|h| h.matched_terms == 1));
        assert_eq!(idx.entries()[r.hits[1].entry].id, "b");
    }

    #[test]
    fn prefixes_typos_and_subsequences_match() {
        let mut idx = SearchIndex::with_tuning(
            vec![
                entry("rl", "Reflective listening", "Say back what you heard."),
                entry("x", "Other", "Nothing to see."),
            ],
            Tuning::default(),
        );
        for q in [
            "refl",
            "refelctive",
            "lstn",
            "Reflective   LISTENING",
            "listning",
        ] {
            let r = idx.search(q);
            assert_eq!(r.hits.first().map(|h| h.entry), Some(0), "query {q:?}");
        }
        assert!(idx.search("zzzz").hits.is_empty());
        assert!(idx.search("").hits.is_empty());
        assert!(idx.search("   ").hits.is_empty());
    }

    #[test]
    fn every_word_is_wanted() {
        let mut idx = SearchIndex::with_tuning(
            vec![
                entry("one", "Open questions", "Ask what and how."),
                entry("both", "Values", "Open questions about what matters."),
            ],
            Tuning::default(),
        );
        let r = idx.search("open questions values");
        assert_eq!(r.hits[0].entry, 1);
        assert_eq!(r.hits[0].matched_terms, 3);
        assert_eq!(r.hits[1].matched_terms, 2);
    }

    #[test]
    fn highlights_cover_matched_words() {
        let mut idx = SearchIndex::with_tuning(
            vec![entry("g", "Gentle refusal", "Say no kindly.")],
            Tuning::default(),
        );
        let r = idx.search("gentle refus");
        let text = "A gentle, kind refusal.";
        let parts: Vec<&str> = idx
            .highlights(&r.matches, text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(parts, ["gentle", "refusal"]);
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(contains_words("pros and cons", "pros and cons"));
        assert!(contains_words("the pros cons list", "pros cons"));
        assert!(!contains_words("prose cons", "pros cons"));
        assert!(!contains_words("a xpros cons", "pros cons"));
        assert!(!contains_words("anything", ""));
    }

    #[test]
    fn stopwords_are_dropped_unless_nothing_else_is_left() {
        let idx = SearchIndex::with_tuning(
            Vec::new(),
            Tuning {
                stopwords: vec!["the".into(), "a".into()],
                ..Tuning::default()
            },
        );
        assert_eq!(idx.terms("the signs of a plan"), ["signs", "of", "plan"]);
        assert_eq!(idx.terms("the a"), ["the", "a"]);
        assert_eq!(idx.terms("plan plan"), ["plan"]);
    }

    #[test]
    fn suggestions_are_close_titles() {
        let idx = SearchIndex::with_tuning(
            vec![
                entry("a", "Gentle refusal", "x"),
                entry("b", "Safety plan", "x"),
                entry("c", "Brainstorming", "x"),
            ],
            Tuning::default(),
        );
        assert_eq!(idx.suggest("saftey plna", 1), [1]);
        assert_eq!(idx.suggest("brianstrom", 1), [2]);
    }

    #[test]
    fn builtin_tuning_parses() {
        let t: Tuning = toml::from_str(TUNING).expect("assets/search.toml parses");
        assert!(t.stopwords.contains(&"the".to_string()));
        assert!(!t.aliases.is_empty());
    }
}
