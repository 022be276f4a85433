//! Unit tests for each rule family.
use super::*;
