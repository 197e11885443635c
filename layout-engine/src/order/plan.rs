//! Validation of a [`Problem`](super::Problem) and its reduction to *units*: a group is one unit,
//! every other field a unit of its own. Positions (pins, the hot block) are counted in fields.

use alloc::vec;
use alloc::vec::Vec;

use super::{Constraints, Item, OrderError};

/// `x` rounded up to a multiple of `align` (a power of two), or `None` on overflow.
pub(super) fn align_up(x: u64, align: u64) -> Option<u64> {
    Some(x.checked_add(align - 1)? & !(align - 1))
}

/// The struct alignment: `min_struct_align` or the largest field alignment, validated.
pub(super) fn struct_align(items: &[Item], min_struct_align: u64) -> Result<u64, OrderError> {
    if !min_struct_align.is_power_of_two() {
        return Err(OrderError::BadStructAlign(min_struct_align));
    }
    let mut align = min_struct_align;
    for (index, item) in items.iter().enumerate() {
        if !item.align.is_power_of_two() {
            return Err(OrderError::BadAlign {
                index,
                align: item.align,
            });
        }
        if item.size % item.align != 0 {
            return Err(OrderError::SizeNotMultipleOfAlign { index });
        }
        align = align.max(item.align);
    }
    Ok(align)
}

/// Fields that move together: a group, or a single field.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit {
    /// Declared index of the first field; the fields are `first..first + len`.
    pub first: usize,
    /// Number of fields.
    pub len: usize,
    /// Sum of the field sizes.
    pub size: u64,
    /// Largest field alignment.
    pub align: u64,
    /// Alignment of the first field (the padding a unit cannot avoid before it).
    pub first_align: u64,
    /// Whether the unit must start at position `first`.
    pub pinned: bool,
    /// Whether the unit belongs to the hot block.
    pub hot: bool,
}

/// A validated problem.
pub(super) struct Plan<'a> {
    pub items: &'a [Item],
    /// Units in declared order.
    pub units: Vec<Unit>,
    /// The struct alignment.
    pub struct_align: u64,
    /// Sum of all sizes.
    pub total: u64,
    /// `total` rounded up to `struct_align`.
    pub min_size: u64,
    /// Number of hot fields: the hot block is positions `0..hot_len`.
    pub hot_len: usize,
    /// Sum of the hot sizes.
    pub hot_total: u64,
    pub cache_line: u64,
    /// Per position: 1 + the unit pinned to start there, or 0.
    pin_at: Vec<usize>,
    /// Per position: the first barrier (pinned start, end of the hot block, end) after it.
    stop: Vec<usize>,
}

/// What an order of units gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Eval {
    pub size: u64,
    pub hot_lines: u64,
}

impl Eval {
    /// Comparison key: fewer hot lines first, then the size.
    pub fn key(&self) -> (u64, u64) {
        (self.hot_lines, self.size)
    }
}

impl<'a> Plan<'a> {
    /// The plan of `problem`: its fields, `repr(align)` and constraints.
    pub fn of(problem: &super::Problem<'a>) -> Result<Self, OrderError> {
        Plan::new(
            problem.items,
            problem.min_struct_align,
            &problem.constraints,
        )
    }

    /// Validates the problem (errors in the documented order) and builds its units.
    pub fn new(
        items: &'a [Item],
        min_struct_align: u64,
        c: &Constraints<'_>,
    ) -> Result<Self, OrderError> {
        let n = items.len();
        let struct_align = struct_align(items, min_struct_align)?;
        if c.cache_line == 0 {
            return Err(OrderError::BadCacheLine);
        }
        let in_range = |index: usize| {
            if index < n {
                Ok(index)
            } else {
                Err(OrderError::IndexOutOfRange { index, len: n })
            }
        };
        let mut pinned = vec![false; n];
        for &p in c.pinned {
            if core::mem::replace(&mut pinned[in_range(p)?], true) {
                return Err(OrderError::DuplicatePinned(p));
            }
        }
        let mut hot = vec![false; n];
        for &h in c.hot {
            if core::mem::replace(&mut hot[in_range(h)?], true) {
                return Err(OrderError::DuplicateHot(h));
            }
        }
        // group_len[f] = length of the group starting at f (0 if none); in_group marks members.
        let mut group_len = vec![0usize; n];
        let mut in_group = vec![false; n];
        for (g, group) in c.groups.iter().enumerate() {
            let Some(&first) = group.first() else {
                return Err(OrderError::EmptyGroup(g));
            };
            for &f in group.iter() {
                in_range(f)?;
            }
            if group.windows(2).any(|w| w[1] != w[0] + 1) {
                return Err(OrderError::GroupNotConsecutive(g));
            }
            for &f in group.iter() {
                if core::mem::replace(&mut in_group[f], true) {
                    return Err(OrderError::OverlappingGroups(f));
                }
            }
            let hot_count = group.iter().filter(|&&f| hot[f]).count();
            if hot_count != 0 && hot_count != group.len() {
                return Err(OrderError::GroupSplitByHot(g));
            }
            group_len[first] = group.len();
        }
        let hot_len = c.hot.len();

        let mut units = Vec::new();
        let mut total = 0u64;
        let mut hot_total = 0u64;
        let mut f = 0;
        while f < n {
            let len = group_len[f].max(1);
            let mut unit = Unit {
                first: f,
                len,
                size: 0,
                align: 1,
                first_align: items[f].align,
                pinned: false,
                hot: hot[f],
            };
            for g in f..f + len {
                unit.size = unit
                    .size
                    .checked_add(items[g].size)
                    .ok_or(OrderError::Overflow)?;
                unit.align = unit.align.max(items[g].align);
                unit.pinned |= pinned[g];
            }
            total = total.checked_add(unit.size).ok_or(OrderError::Overflow)?;
            if unit.hot {
                hot_total += unit.size;
            }
            units.push(unit);
            f += len;
        }
        let min_size = align_up(total, struct_align).ok_or(OrderError::Overflow)?;

        let mut pin_at = vec![0usize; n + 1];
        let mut barrier = vec![false; n + 1];
        barrier[n] = true;
        if hot_len > 0 {
            barrier[hot_len] = true;
        }
        for (u, unit) in units.iter().enumerate() {
            if !unit.pinned {
                continue;
            }
            let fits = if unit.hot {
                unit.first + unit.len <= hot_len
            } else {
                unit.first >= hot_len
            };
            if !fits {
                let p = (unit.first..unit.first + unit.len)
                    .find(|&g| pinned[g])
                    .unwrap_or(unit.first);
                return Err(OrderError::PinConflictsWithHot(p));
            }
            pin_at[unit.first] = u + 1;
            barrier[unit.first] = true;
        }
        let mut stop = vec![n; n + 1];
        let mut next = n;
        for pos in (0..=n).rev() {
            stop[pos] = next;
            if barrier[pos] {
                next = pos;
            }
        }
        Ok(Plan {
            items,
            units,
            struct_align,
            total,
            min_size,
            hot_len,
            hot_total,
            cache_line: c.cache_line,
            pin_at,
            stop,
        })
    }

    /// Whether unit `u` may start at field position `pos` (pins, the hot block, and not covering
    /// a position pinned to another unit).
    #[inline]
    pub fn can_place(&self, u: usize, pos: usize) -> bool {
        let unit = &self.units[u];
        if self.hot_len > 0 && unit.hot != (pos < self.hot_len) {
            return false;
        }
        match self.pin_at[pos] {
            0 => !unit.pinned && pos + unit.len <= self.stop[pos],
            v => v - 1 == u,
        }
    }

    /// The end offset of unit `u` placed at the first suitable offset from `start`.
    #[inline]
    pub fn place(&self, u: usize, start: u64) -> Option<u64> {
        let unit = &self.units[u];
        if unit.len == 1 {
            return align_up(start, unit.align)?.checked_add(unit.size);
        }
        let mut end = start;
        for item in &self.items[unit.first..unit.first + unit.len] {
            end = align_up(end, item.align)?.checked_add(item.size)?;
        }
        Some(end)
    }

    /// The pinned unit that starts at position `pos`, if any.
    pub fn pinned_at(&self, pos: usize) -> Option<usize> {
        self.pin_at[pos].checked_sub(1)
    }

    /// The first barrier after `pos`: a pinned start, the end of the hot block, or the end.
    pub fn stop_after(&self, pos: usize) -> usize {
        self.stop[pos]
    }

    /// Cache lines spanned by a hot block ending at `end` (0 without hot fields).
    pub fn lines(&self, end: u64) -> u64 {
        if self.hot_len == 0 {
            0
        } else {
            end.div_ceil(self.cache_line)
        }
    }

    /// The declared order of the units and its evaluation (`None` if it breaks a constraint),
    /// and whether it reaches the lower bounds: the minimum size and the fewest hot lines any
    /// order could have (the hot fields without padding). Then it is the answer, with 0 moves.
    pub fn declared(&self) -> (Vec<usize>, Option<Eval>, bool) {
        let order: Vec<usize> = (0..self.units.len()).collect();
        let eval = self.evaluate(&order);
        let at_floors =
            eval.is_some_and(|e| e.size == self.min_size && e.hot_lines == self.hot_lines_floor());
        (order, eval, at_floors)
    }

    /// The fewest hot lines any order could have (a lower bound: hot fields without padding).
    pub fn hot_lines_floor(&self) -> u64 {
        self.lines(self.hot_total)
    }

    /// The size and hot lines of a unit order, or `None` if it breaks a constraint or overflows.
    pub fn evaluate(&self, order: &[usize]) -> Option<Eval> {
        let (mut pos, mut end, mut hot_end) = (0usize, 0u64, 0u64);
        for &u in order {
            if !self.can_place(u, pos) {
                return None;
            }
            end = self.place(u, end)?;
            pos += self.units[u].len;
            if pos == self.hot_len {
                hot_end = end;
            }
        }
        Some(Eval {
            size: align_up(end, self.struct_align)?,
            hot_lines: self.lines(hot_end),
        })
    }

    /// The size of the declared order (which may break the hot constraint).
    pub fn declared_size(&self) -> Result<u64, OrderError> {
        let mut end = 0u64;
        for item in self.items {
            end = align_up(end, item.align)
                .and_then(|o| o.checked_add(item.size))
                .ok_or(OrderError::Overflow)?;
        }
        align_up(end, self.struct_align).ok_or(OrderError::Overflow)
    }

    /// The declared field indices of a unit order.
    pub fn fields_of(&self, order: &[usize]) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.items.len());
        for &u in order {
            let unit = &self.units[u];
            out.extend(unit.first..unit.first + unit.len);
        }
        out
    }
}
