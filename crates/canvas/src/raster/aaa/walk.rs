//! The two scanline walkers over the sorted edge list: one for convex
//! shapes (exactly one left and one right edge at any row, whole runs of
//! rows blitted at once) and one for everything else (every edge event
//! starts a new strip, quarter rows at most where edges begin or end).

use super::edge::{Curve, Edge};
use super::fixed::{
    ACCURACY, Fixed, MAX, ONE, ceil_to_fixed, ceil_to_int, fixed_to_alpha, floor_to_int, from_int,
    mul, partial_alpha,
};
use super::sink::Sink;
use super::trapezoid::{Strip, blit_row};

/// Index of the list's head sentinel.
pub(super) const HEAD: usize = 0;
/// Index of the list's tail sentinel.
pub(super) const TAIL: usize = 1;

/// The edges as a doubly linked list inside one arena.
pub(super) struct List {
    pub(super) e: Vec<Edge>,
    /// Steps taken along the list by the sorting below since the last
    /// deadline check: edges that all cross each other make one strip's
    /// re-sorting quadratic (minutes for a million edges), so the walk
    /// checks the deadline by steps, not only once a strip.
    pub(super) steps: usize,
}

impl List {
    fn remove(&mut self, i: usize) {
        let (p, n) = (self.e[i].prev, self.e[i].next);
        self.e[p].next = n;
        self.e[n].prev = p;
    }

    fn insert_after(&mut self, i: usize, after: usize) {
        let n = self.e[after].next;
        self.e[i].prev = after;
        self.e[i].next = n;
        self.e[after].next = i;
        self.e[n].prev = i;
    }

    /// The last edge left of `x`, searching back from `prev`.
    fn backward_start(&mut self, mut prev: usize, x: Fixed) -> usize {
        while self.e[prev].prev != usize::MAX && self.e[prev].x > x {
            prev = self.e[prev].prev;
            self.steps += 1;
        }
        prev
    }

    /// Moves edge `i` back until the list is ordered by x again.
    fn backward_insert(&mut self, i: usize) {
        let x = self.e[i].x;
        let mut prev = self.e[i].prev;
        while self.e[prev].prev != usize::MAX && self.e[prev].x > x {
            prev = self.e[prev].prev;
            self.steps += 1;
        }
        if self.e[prev].next != i {
            self.remove(i);
            self.insert_after(i, prev);
        }
    }
}

/// Whether the next rows of a convex shape's edges change slowly enough
/// to be blitted down to a whole row at once.
fn smooth_edge(list: &List, this: usize, next: usize) -> bool {
    let e = &list.e[this];
    match e.curve {
        Curve::Cubic(c) if e.curve_count < 0 => {
            let dd = e.curve_shift;
            (c.cdx.wrapping_abs() >> 1) >= (c.cddx.wrapping_abs() >> dd)
                && (c.cdy.wrapping_abs() >> 1) >= (c.cddy.wrapping_abs() >> dd)
                && (c.cdy.wrapping_sub(c.cddy >> dd)) >> c.dshift >= ONE
        }
        Curve::Quad(q) if e.curve_count > 0 => {
            (q.qdx.wrapping_abs() >> 1) >= q.qddx.wrapping_abs()
                && (q.qdy.wrapping_abs() >> 1) >= q.qddy.wrapping_abs()
                && (q.qdy.wrapping_sub(q.qddy)) >> e.curve_shift >= ONE
        }
        _ => {
            let n = &list.e[next];
            n.dx.saturating_sub(e.dx).wrapping_abs() <= ONE && n.lower_y - n.upper_y >= ONE
        }
    }
}

fn smooth_enough(list: &List, left: usize, right: usize, curr: usize, stop_y: i32) -> bool {
    let stop = from_int(stop_y);
    if list.e[curr].upper_y >= stop {
        return false;
    }
    let (l, r) = (&list.e[left], &list.e[right]);
    if l.lower_y.saturating_add(ONE) < r.lower_y {
        return smooth_edge(list, left, curr);
    }
    if l.lower_y > r.lower_y.saturating_add(ONE) {
        return smooth_edge(list, right, curr);
    }
    let mut curr = curr;
    let mut next = list.e[curr].next;
    if list.e[next].upper_y >= stop {
        return false;
    }
    if list.e[next].upper_x < list.e[curr].upper_x {
        std::mem::swap(&mut curr, &mut next);
    }
    smooth_edge(list, left, curr) && smooth_edge(list, right, next)
}

/// Walks a convex shape's edges from row `start_y` to `stop_y`, covering
/// between `left_bound` and `right_bound`.
pub(super) fn walk_convex(
    list: &mut List,
    sink: &mut Sink,
    stop_y: i32,
    left_bound: Fixed,
    right_bound: Fixed,
) {
    let mut left_e = list.e[HEAD].next;
    let mut right_e = list.e[left_e].next;
    let mut curr_e = list.e[right_e].next;
    let mut y = list.e[left_e].upper_y.max(list.e[right_e].upper_y);
    loop {
        while list.e[left_e].lower_y <= y {
            if !list.e[left_e].update() {
                if floor_to_int(list.e[curr_e].upper_y) >= stop_y {
                    return;
                }
                left_e = curr_e;
                curr_e = list.e[curr_e].next;
            }
        }
        while list.e[right_e].lower_y <= y {
            if !list.e[right_e].update() {
                if floor_to_int(list.e[curr_e].upper_y) >= stop_y {
                    return;
                }
                right_e = curr_e;
                curr_e = list.e[curr_e].next;
            }
        }
        if floor_to_int(y) >= stop_y {
            return;
        }
        list.e[left_e].go_y(y);
        list.e[right_e].go_y(y);
        {
            let (l, r) = (&list.e[left_e], &list.e[right_e]);
            if l.x > r.x || (l.x == r.x && l.dx > r.dx) {
                std::mem::swap(&mut left_e, &mut right_e);
            }
        }
        let mut local_bot = list.e[left_e].lower_y.min(list.e[right_e].lower_y);
        if smooth_enough(list, left_e, right_e, curr_e, stop_y) {
            local_bot = ceil_to_fixed(local_bot);
        }
        local_bot = local_bot.min(from_int(stop_y));

        let mut left = left_bound.max(list.e[left_e].x);
        let d_left = list.e[left_e].dx;
        let mut rite = right_bound.min(list.e[right_e].x);
        let d_rite = list.e[right_e].dx;
        let (l_dy, r_dy) = (list.e[left_e].dy, list.e[right_e].dy);
        if d_left == 0 && d_rite == 0 {
            // Both edges vertical: a rectangle of rows.
            let full_left = ceil_to_int(left);
            let full_rite = floor_to_int(rite);
            let partial_left = from_int(full_left) - left;
            let partial_rite = rite - from_int(full_rite);
            let full_top = ceil_to_int(y);
            let full_bot = floor_to_int(local_bot);
            let mut partial_top = from_int(full_top) - y;
            let mut partial_bot = local_bot - from_int(full_bot);
            if full_top > full_bot {
                // Top and bottom fall in one pixel row.
                partial_top -= ONE - partial_bot;
                partial_bot = 0;
            }
            if full_rite >= full_left {
                if partial_top > 0 {
                    if partial_left > 0 {
                        sink.add(
                            full_left - 1,
                            full_top - 1,
                            fixed_to_alpha(mul(partial_top, partial_left)),
                        );
                    }
                    sink.add_span(
                        full_left,
                        full_top - 1,
                        full_rite - full_left,
                        fixed_to_alpha(partial_top),
                    );
                    if partial_rite > 0 {
                        sink.add(
                            full_rite,
                            full_top - 1,
                            fixed_to_alpha(mul(partial_top, partial_rite)),
                        );
                    }
                }
                if full_bot > full_top
                    && (full_rite > full_left
                        || fixed_to_alpha(partial_left) > 0
                        || fixed_to_alpha(partial_rite) > 0)
                {
                    sink.put_anti_rect(
                        full_left - 1,
                        full_top,
                        full_rite - full_left,
                        full_bot - full_top,
                        fixed_to_alpha(partial_left),
                        fixed_to_alpha(partial_rite),
                    );
                }
                if partial_bot > 0 {
                    if partial_left > 0 {
                        sink.add(
                            full_left - 1,
                            full_bot,
                            fixed_to_alpha(mul(partial_bot, partial_left)),
                        );
                    }
                    sink.add_span(
                        full_left,
                        full_bot,
                        full_rite - full_left,
                        fixed_to_alpha(partial_bot),
                    );
                    if partial_rite > 0 {
                        sink.add(
                            full_rite,
                            full_bot,
                            fixed_to_alpha(mul(partial_bot, partial_rite)),
                        );
                    }
                }
            } else {
                // Both edges inside one pixel column.
                let width = rite - left;
                if width > 0 {
                    if partial_top > 0 {
                        sink.add(
                            full_left - 1,
                            full_top - 1,
                            fixed_to_alpha(mul(partial_top, width)),
                        );
                    }
                    if full_bot > full_top {
                        sink.put_column(
                            full_left - 1,
                            full_top,
                            full_bot - full_top,
                            fixed_to_alpha(width),
                        );
                    }
                    if partial_bot > 0 {
                        sink.add(
                            full_left - 1,
                            full_bot,
                            fixed_to_alpha(mul(partial_bot, width)),
                        );
                    }
                }
            }
            y = local_bot;
        } else {
            // Positions are snapped to 1/16 px for the strips.
            const SNAP_DIGIT: Fixed = ONE >> 4;
            const SNAP_HALF: Fixed = SNAP_DIGIT >> 1;
            const SNAP_MASK: Fixed = !(SNAP_DIGIT - 1);
            left += SNAP_HALF;
            rite += SNAP_HALF;
            let mut count = ceil_to_int(local_bot) - floor_to_int(y);
            // One row strip from the (left, right) pair at its top to the
            // pair at its bottom.
            let row = |sink: &mut Sink,
                       y: Fixed,
                       full: u8,
                       top: (Fixed, Fixed),
                       bottom: (Fixed, Fixed)| {
                let strip = Strip {
                    y: y >> 16,
                    full,
                    accumulate: false,
                };
                let (ul, ur) = (top.0 & SNAP_MASK, top.1 & SNAP_MASK);
                let (ll, lr) = (bottom.0 & SNAP_MASK, bottom.1 & SNAP_MASK);
                blit_row(sink, strip, ul, ur, ll, lr, l_dy, r_dy);
            };
            if count > 1 {
                if (y as u32 & 0xFFFF_0000) as i32 != y {
                    // The partial first row.
                    count -= 1;
                    let next_y = ceil_to_fixed(y + 1);
                    let dy = next_y - y;
                    let next_left = left + mul(d_left, dy);
                    let next_rite = rite + mul(d_rite, dy);
                    row(
                        sink,
                        y,
                        partial_alpha(0xFF, dy),
                        (left, rite),
                        (next_left, next_rite),
                    );
                    left = next_left;
                    rite = next_rite;
                    y = next_y;
                }
                while count > 1 {
                    count -= 1;
                    let (next_y, next_left, next_rite) = (y + ONE, left + d_left, rite + d_rite);
                    row(sink, y, 0xFF, (left, rite), (next_left, next_rite));
                    left = next_left;
                    rite = next_rite;
                    y = next_y;
                }
            }
            let dy = local_bot - y;
            let next_left = (left + mul(d_left, dy)).max(left_bound + SNAP_HALF);
            let next_rite = (rite + mul(d_rite, dy)).min(right_bound + SNAP_HALF);
            row(
                sink,
                y,
                partial_alpha(0xFF, dy),
                (left, rite),
                (next_left, next_rite),
            );
            left = next_left - SNAP_HALF;
            rite = next_rite - SNAP_HALF;
            y = local_bot;
        }
        list.e[left_e].x = left;
        list.e[right_e].x = rite;
        list.e[left_e].y = y;
        list.e[right_e].y = y;
    }
}

/// Lowers `next_next_y` to `y` when y lies strictly between `next_y` and it.
fn update_next_next_y(y: Fixed, next_y: Fixed, next_next_y: &mut Fixed) {
    if y > next_y && y < *next_next_y {
        *next_next_y = y;
    }
}

/// Edges about to cross: stop the next strip a quarter row later.
fn check_intersection(list: &List, i: usize, next_y: Fixed, next_next_y: &mut Fixed) {
    let p = list.e[i].prev;
    if list.e[p].prev != usize::MAX
        && list.e[p].x.wrapping_add(list.e[p].dx) > list.e[i].x.wrapping_add(list.e[i].dx)
    {
        *next_next_y = next_y + (ONE >> ACCURACY);
    }
}

fn check_intersection_fwd(list: &List, i: usize, next_y: Fixed, next_next_y: &mut Fixed) {
    let n = list.e[i].next;
    if list.e[n].next != usize::MAX
        && list.e[i].x.wrapping_add(list.e[i].dx) > list.e[n].x.wrapping_add(list.e[n].dx)
    {
        *next_next_y = next_y + (ONE >> ACCURACY);
    }
}

/// Moves edges starting at row `y` into x order among the active ones.
fn insert_new_edges(list: &mut List, mut new_edge: usize, y: Fixed, next_next_y: &mut Fixed) {
    if list.e[new_edge].upper_y > y {
        update_next_next_y(list.e[new_edge].upper_y, y, next_next_y);
        return;
    }
    let prev = list.e[new_edge].prev;
    if list.e[prev].x <= list.e[new_edge].x {
        while list.e[new_edge].upper_y <= y {
            check_intersection(list, new_edge, y, next_next_y);
            update_next_next_y(list.e[new_edge].lower_y, y, next_next_y);
            new_edge = list.e[new_edge].next;
        }
        update_next_next_y(list.e[new_edge].upper_y, y, next_next_y);
        return;
    }
    let mut start = list.backward_start(prev, list.e[new_edge].x);
    loop {
        let next = list.e[new_edge].next;
        let mut already = false;
        loop {
            if list.e[start].next == new_edge {
                already = true;
                break;
            }
            let after = list.e[start].next;
            if list.e[after].x >= list.e[new_edge].x {
                break;
            }
            start = after;
            list.steps += 1;
        }
        if !already {
            list.remove(new_edge);
            list.insert_after(new_edge, start);
        }
        check_intersection(list, new_edge, y, next_next_y);
        check_intersection_fwd(list, new_edge, y, next_next_y);
        update_next_next_y(list.e[new_edge].lower_y, y, next_next_y);
        start = new_edge;
        new_edge = next;
        if list.e[new_edge].upper_y > y {
            break;
        }
        // A row where a million edges start sorts them one by one; the
        // walk ends at its next check once the deadline is past.
        if list.steps >= STEPS_PER_CHECK {
            list.steps = 0;
            if crate::budget::expired() {
                return;
            }
        }
    }
    update_next_next_y(list.e[new_edge].upper_y, y, next_next_y);
}

fn edges_too_close(list: &List, prev: usize, next: usize, lower_y: Fixed) -> bool {
    if prev == usize::MAX || next == usize::MAX {
        return false;
    }
    let (p, n) = (&list.e[prev], &list.e[next]);
    n.upper_y < lower_y && p.x.saturating_add(ONE) >= n.x.saturating_sub(n.dx.wrapping_abs())
}

fn pixels_too_close(prev_rite: i32, ul: Fixed, ll: Fixed) -> bool {
    prev_rite > floor_to_int(ul) || prev_rite > floor_to_int(ll)
}

/// Options of the general walk.
pub(super) struct Walk {
    pub(super) even_odd: bool,
    pub(super) start_y: i32,
    pub(super) stop_y: i32,
    pub(super) left_clip: Fixed,
    pub(super) right_clip: Fixed,
    /// Accumulate everything (clip masks are built this way).
    pub(super) accumulate: bool,
    /// Skip the crossing checks (paths with many points per row).
    pub(super) skip_intersect: bool,
}

/// Walks any (non-inverse) path's edges strip by strip.
pub(super) fn walk_general(list: &mut List, sink: &mut Sink, w: &Walk) {
    list.e[HEAD].x = w.left_clip;
    list.e[HEAD].upper_x = w.left_clip;
    list.e[TAIL].x = w.right_clip;
    list.e[TAIL].upper_x = w.right_clip;
    let first = list.e[HEAD].next;
    let mut y = list.e[first].upper_y.max(from_int(w.start_y));
    let mut next_next_y = MAX;
    {
        let mut i = first;
        while list.e[i].upper_y <= y {
            list.e[i].go_y(y);
            update_next_next_y(list.e[i].lower_y, y, &mut next_next_y);
            i = list.e[i].next;
        }
        update_next_next_y(list.e[i].upper_y, y, &mut next_next_y);
    }
    let winding_mask = if w.even_odd { 1 } else { -1 };
    loop {
        // Each strip can cross every edge of the path: the run's deadline
        // is checked once a strip.
        if crate::budget::expired() {
            return;
        }
        let mut wind = 0i32;
        let mut in_interval = false;
        let mut prev_x = list.e[HEAD].x;
        let mut next_y = next_next_y.min(ceil_to_fixed(y.saturating_add(1)));
        let mut curr = list.e[HEAD].next;
        let mut left_e = HEAD;
        let mut left = w.left_clip;
        let mut left_dy = 0;
        let mut prev_rite = floor_to_int(w.left_clip);
        next_next_y = MAX;

        let mut y_shift = 0;
        if (next_y - y) & (ONE >> 2) != 0 {
            y_shift = 2;
            next_y = y + (ONE >> 2);
        } else if (next_y - y) & (ONE >> 1) != 0 {
            y_shift = 1;
        }
        let full = fixed_to_alpha(next_y - y);
        let row = y >> 16;

        while list.e[curr].upper_y <= y {
            wind += list.e[curr].winding;
            let prev_in = in_interval;
            in_interval = (wind & winding_mask) != 0;
            let is_left = in_interval && !prev_in;
            let is_rite = !in_interval && prev_in;
            if is_rite {
                let rite = list.e[curr].x;
                list.e[curr].go_y_shift(next_y, y_shift);
                let next_left = w.left_clip.max(list.e[left_e].x);
                let rite = w.right_clip.min(rite);
                let next_rite = w.right_clip.min(list.e[curr].x);
                let crowded = w.accumulate
                    || (full == 0xFF
                        && (pixels_too_close(prev_rite, left, list.e[left_e].x)
                            || edges_too_close(list, curr, list.e[curr].next, next_y)));
                blit_row(
                    sink,
                    Strip {
                        y: row,
                        full,
                        accumulate: crowded,
                    },
                    left,
                    rite,
                    next_left,
                    next_rite,
                    left_dy,
                    list.e[curr].dy,
                );
                prev_rite = ceil_to_int(rite.max(list.e[curr].x));
            } else {
                if is_left {
                    left = list.e[curr].x.max(w.left_clip);
                    left_dy = list.e[curr].dy;
                    left_e = curr;
                }
                list.e[curr].go_y_shift(next_y, y_shift);
            }

            let next = list.e[curr].next;
            while list.e[curr].lower_y <= next_y {
                if list.e[curr].is_line() || list.e[curr].curve_count == 0 {
                    break;
                }
                list.e[curr].keep_continuous();
                if !list.e[curr].update() {
                    break;
                }
            }
            if list.e[curr].lower_y <= next_y {
                list.remove(curr);
            } else {
                update_next_next_y(list.e[curr].lower_y, next_y, &mut next_next_y);
                let new_x = list.e[curr].x;
                if new_x < prev_x {
                    list.backward_insert(curr);
                } else {
                    prev_x = new_x;
                }
                if !w.skip_intersect {
                    check_intersection(list, curr, next_y, &mut next_next_y);
                }
            }
            curr = next;
            list.steps += 1;
            if list.steps >= STEPS_PER_CHECK {
                list.steps = 0;
                if crate::budget::expired() {
                    return;
                }
            }
        }
        if in_interval {
            let crowded = w.accumulate
                || (full == 0xFF && edges_too_close(list, list.e[left_e].prev, left_e, next_y));
            blit_row(
                sink,
                Strip {
                    y: row,
                    full,
                    accumulate: crowded,
                },
                left,
                w.right_clip,
                w.left_clip.max(list.e[left_e].x),
                w.right_clip,
                left_dy,
                0,
            );
        }
        y = next_y;
        if y >= from_int(w.stop_y) {
            break;
        }
        insert_new_edges(list, curr, y, &mut next_next_y);
    }
}

/// List steps between two deadline checks of the general walk (a check
/// is a clock read; a step is a few nanoseconds).
const STEPS_PER_CHECK: usize = 1 << 16;
