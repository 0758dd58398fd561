//! Integration tests: the real `telhook` binary, driven as a user would.
#![allow(clippy::unwrap_used)]

mod support;

mod capture;
mod catalog;
mod cli;
mod completions;
mod demo;
mod emulate;
mod example;
mod hostile;
mod keys;
mod listen;
mod newcomer;
mod readme;
mod replay;
mod secrets;
mod send;
mod validate;
mod verify;
mod width;
