//! The JS heap's allocator: QuickJS's memory comes from Rust's allocator
//! and is charged to the run's [`Budget`], the same counter the engine
//! charges canvas bitmaps, decoded images and glyph caches to, so
//! `--memory-limit` bounds them together. Past the cap an allocation
//! fails and QuickJS throws its out-of-memory error.
//!
//! The only `unsafe` of the crate: the allocator interface QuickJS calls
//! through is raw pointers. Every pointer goes to and comes from
//! rquickjs's own [`RustAllocator`]; this type only counts.

use std::sync::Arc;

use mpcanvas_canvas::Budget;
use rquickjs::allocator::{Allocator, RustAllocator};

/// [`RustAllocator`] charging a [`Budget`].
pub(crate) struct BudgetAllocator {
    budget: Arc<Budget>,
}

impl BudgetAllocator {
    pub(crate) fn new(budget: Arc<Budget>) -> BudgetAllocator {
        BudgetAllocator { budget }
    }
}

/// What [`RustAllocator`] reserves for a request of `size` (it rounds to
/// 8 bytes and reports that as the usable size).
fn rounded(size: usize) -> u64 {
    size.div_ceil(8) as u64 * 8
}

// SAFETY: each method hands its pointer to `RustAllocator`, which meets
// the trait's contract; failing a charge returns null, which the contract
// allows.
#[allow(unsafe_code, reason = "QuickJS's allocator interface is raw pointers")]
unsafe impl Allocator for BudgetAllocator {
    fn alloc(&mut self, size: usize) -> *mut u8 {
        let bytes = rounded(size);
        if !self.budget.try_charge(bytes) {
            return std::ptr::null_mut();
        }
        let ptr = RustAllocator.alloc(size);
        if ptr.is_null() {
            self.budget.release(bytes);
        }
        ptr
    }

    fn calloc(&mut self, count: usize, size: usize) -> *mut u8 {
        let Some(total) = count.checked_mul(size) else {
            return std::ptr::null_mut();
        };
        let bytes = rounded(total);
        if !self.budget.try_charge(bytes) {
            return std::ptr::null_mut();
        }
        let ptr = RustAllocator.calloc(count, size);
        if ptr.is_null() {
            self.budget.release(bytes);
        }
        ptr
    }

    unsafe fn dealloc(&mut self, ptr: *mut u8) {
        // SAFETY: `ptr` came from `RustAllocator` (alloc, calloc, realloc).
        let bytes = unsafe { RustAllocator::usable_size(ptr) } as u64;
        // SAFETY: as above.
        unsafe { RustAllocator.dealloc(ptr) };
        self.budget.release(bytes);
    }

    unsafe fn realloc(&mut self, ptr: *mut u8, new_size: usize) -> *mut u8 {
        if ptr.is_null() {
            return self.alloc(new_size);
        }
        // SAFETY: `ptr` came from `RustAllocator`.
        let old = unsafe { RustAllocator::usable_size(ptr) } as u64;
        let new = rounded(new_size);
        if new > old && !self.budget.try_charge(new - old) {
            return std::ptr::null_mut();
        }
        // SAFETY: as above.
        let moved = unsafe { RustAllocator.realloc(ptr, new_size) };
        if moved.is_null() {
            if new > old {
                self.budget.release(new - old);
            }
            return moved;
        }
        if new < old {
            self.budget.release(old - new);
        }
        moved
    }

    unsafe fn usable_size(ptr: *mut u8) -> usize {
        // SAFETY: `ptr` came from `RustAllocator`.
        unsafe { RustAllocator::usable_size(ptr) }
    }
}
