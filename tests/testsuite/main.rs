//! The integration tests: one binary, a module per feature. They drive the real `mizan` binary
//! over fixture folders (`tests/fixtures/<case>/{articles/, glossary.yaml}`), the demo corpus
//! (`examples/karabakh`) and files made in temporary folders.

mod brief;
mod figures;
mod framing;
mod glossary_file;
mod hostile;
mod inputs;
mod layers;
mod names;
mod readers;
mod robust;
mod sample;
mod support;
mod templates;
mod wording;
