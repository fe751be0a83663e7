//! Inputs → the list of files to read. Folders are walked in name order; each file is read
//! once however it is reached (named twice, inside a named folder, through a symlink); symlink
//! loops, mizan's own output folders and anything that is not a regular file are reported.
//!
//! In: the paths given on the command line. Out: [`Job`]s sorted by path, and notes and errors.

use super::sources::{self, Meta};
use crate::error::Error;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::Metadata;
use std::path::{Path, PathBuf};

/// The files mizan writes into its output folder.
pub const OUTPUT_FILES: [&str; 5] = [
    "facts.json",
    "briefing.md",
    "briefing.html",
    "disagreements.md",
    "names.md",
];

/// One file to read, with the metadata its folder's `sources.yaml` gives it.
pub struct Job {
    pub path: PathBuf,
    pub meta: Meta,
}

/// What identifies a file however it is named: device and inode where there are inodes.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FileId {
    Inode(u64, u64),
    Path(PathBuf),
}

#[cfg(unix)]
fn file_id(path: &Path, md: &Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    let _ = path;
    FileId::Inode(md.dev(), md.ino())
}

#[cfg(not(unix))]
fn file_id(path: &Path, _md: &Metadata) -> FileId {
    FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// Does a folder hold what `mizan brief` writes (its facts.json beside its briefing.md)?
pub fn is_output_folder(dir: &Path) -> bool {
    dir.join("facts.json").is_file() && dir.join("briefing.md").is_file()
}

fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("txt" | "md" | "jsonl")
    )
}

#[derive(Default)]
pub struct Walk {
    /// (path, id, meta) of every file found, before sorting and de-duplication.
    found: Vec<(PathBuf, FileId, Meta)>,
    pub errors: Vec<Error>,
    pub notes: Vec<Error>,
    /// folders not to read (the output folder)
    skip: HashSet<FileId>,
    /// folders being walked, to tell a loop from a folder reached twice
    stack: Vec<FileId>,
    walked: HashSet<FileId>,
    loops: HashSet<FileId>,
    /// each folder's sources.yaml, read once however the folder is named
    sources: HashMap<FileId, BTreeMap<String, Meta>>,
}

impl Walk {
    /// Expand `inputs`, never reading below the folders in `skip`.
    pub fn run(inputs: &[PathBuf], skip: &[PathBuf]) -> Walk {
        let mut w = Walk::default();
        for s in skip {
            if let Ok(md) = std::fs::metadata(s) {
                w.skip.insert(file_id(s, &md));
            }
        }
        for input in inputs {
            w.visit(input, true);
        }
        w
    }

    /// The files to read, sorted by path (so the order of the inputs does not matter), each
    /// once: a file reached by two paths is read under the first in that order.
    pub fn jobs(&mut self) -> Vec<Job> {
        let mut found = std::mem::take(&mut self.found);
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let mut first: HashMap<FileId, PathBuf> = HashMap::new();
        let mut jobs = Vec::new();
        for (path, id, meta) in found {
            match first.get(&id) {
                Some(p) if *p == path => {}
                Some(p) => self.notes.push(Error::input(
                    &path,
                    format!("same file as {}, read once", p.display()),
                )),
                None => {
                    first.insert(id, path.clone());
                    jobs.push(Job { path, meta });
                }
            }
        }
        jobs.dedup_by(|a, b| a.path == b.path);
        jobs
    }

    fn visit(&mut self, path: &Path, named: bool) {
        let md = match std::fs::metadata(path) {
            Ok(md) => md,
            Err(e) => {
                // a child with a name mizan would not read anyway is not worth an error,
                // unless it is a symlink loop or a path the system cannot handle
                if named || is_article_file(path) || e.kind() != std::io::ErrorKind::NotFound {
                    self.errors.push(Error::Io {
                        path: path.to_path_buf(),
                        source: e,
                    });
                }
                return;
            }
        };
        let id = file_id(path, &md);
        if md.is_dir() {
            self.visit_dir(path, id);
        } else if named || is_article_file(path) {
            if !md.is_file() {
                self.errors.push(Error::input(
                    path,
                    "not a regular file (a FIFO, socket or device); only regular files are read",
                ));
                return;
            }
            if is_own_output_file(path) {
                self.notes.push(Error::input(
                    path,
                    "skipped: mizan wrote it (its folder holds mizan's facts.json)",
                ));
                return;
            }
            let meta = self.meta_for(path);
            self.found.push((path.to_path_buf(), id, meta));
        }
    }

    fn visit_dir(&mut self, dir: &Path, id: FileId) {
        if self.skip.contains(&id) || is_output_folder(dir) {
            self.notes.push(Error::input(
                dir,
                "skipped: mizan's own output folder (it holds mizan's facts.json and briefing.md, or is --out)",
            ));
            return;
        }
        if self.stack.contains(&id) {
            if self.loops.insert(id) {
                self.notes.push(Error::input(
                    dir,
                    "symlink loop: this folder contains itself; not followed again",
                ));
            }
            return;
        }
        if !self.walked.insert(id.clone()) {
            return; // reached again by another path: its files are already listed
        }
        let rd = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.errors.push(Error::Io {
                    path: dir.to_path_buf(),
                    source: e,
                });
                return;
            }
        };
        let mut entries = Vec::new();
        for entry in rd {
            match entry {
                Ok(e) => entries.push(e.path()),
                Err(e) => self.errors.push(Error::Io {
                    path: dir.to_path_buf(),
                    source: e,
                }),
            }
        }
        entries.sort();
        self.stack.push(id);
        for p in entries {
            self.visit(&p, false);
        }
        self.stack.pop();
    }

    /// The metadata `sources.yaml` beside `path` gives it (read once per folder).
    fn meta_for(&mut self, path: &Path) -> Meta {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let id = match std::fs::metadata(&dir) {
            Ok(md) => file_id(&dir, &md),
            Err(_) => FileId::Path(dir.clone()),
        };
        if !self.sources.contains_key(&id) {
            let file = dir.join("sources.yaml");
            let table = if file.is_file() && file != path {
                let (table, errors) = sources::read(&file);
                self.errors.extend(errors);
                table
            } else {
                BTreeMap::new()
            };
            self.sources.insert(id.clone(), table);
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.sources[&id].get(&name).cloned().unwrap_or_default()
    }
}

/// A report mizan wrote, named on its own (`mizan brief out/briefing.md`).
fn is_own_output_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    OUTPUT_FILES.contains(&name) && path.parent().is_some_and(is_output_folder)
}
