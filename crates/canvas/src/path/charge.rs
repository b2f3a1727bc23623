//! A path's own memory, charged to the run's budget as it grows: a script
//! building a path of millions of segments (`lineTo` in a loop, a huge SVG
//! string, `addPath` of a path to itself) hits the memory limit like a
//! bitmap does, instead of growing the process.

use kurbo::PathEl;

use crate::budget::Charge;

/// Elements charged at a time: the budget is asked once per block.
const BLOCK: usize = 4096;

/// Bytes charged per element: a kurbo element, twice (a growing `Vec`
/// holds up to twice its length), plus an arc's conic record.
const BYTES_PER_ELEMENT: u64 = 2 * std::mem::size_of::<PathEl>() as u64 + 16;

/// The charge for a path's elements. A clone charges again (it stands for
/// a copy); paths compare equal whatever their charges.
#[derive(Debug, Clone, Default)]
pub(super) struct PathCharge {
    /// Elements the charge covers.
    elements: usize,
    charge: Charge,
}

impl PartialEq for PathCharge {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl PathCharge {
    /// Makes sure `len + extra` elements are charged; `false` when the
    /// budget refused them (the path must not grow: the run then ends
    /// with its memory-limit outcome).
    pub(super) fn reserve(&mut self, len: usize, extra: usize) -> bool {
        let wanted = len.saturating_add(extra);
        if wanted <= self.elements {
            return true;
        }
        let blocks = (wanted - self.elements).div_ceil(BLOCK);
        let more = blocks * BLOCK;
        if !self.charge.grow(more as u64 * BYTES_PER_ELEMENT) {
            return false;
        }
        self.elements += more;
        true
    }
}
