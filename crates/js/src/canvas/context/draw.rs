//! `fillRect`, `strokeRect`, `clearRect`.

use super::state::eng;
use super::{Method, undefined};

pub(super) const METHODS: &[Method] = &[
    Method {
        name: "fillRect",
        length: 4,
        call: |args, this| {
            args.require(4)?;
            let [x, y, w, h] = args.numbers(0)?;
            eng(this).borrow_mut().fill_rect(x, y, w, h);
            undefined(args)
        },
    },
    Method {
        name: "strokeRect",
        length: 4,
        call: |args, this| {
            args.require(4)?;
            let [x, y, w, h] = args.numbers(0)?;
            eng(this).borrow_mut().stroke_rect(x, y, w, h);
            undefined(args)
        },
    },
    Method {
        name: "clearRect",
        length: 4,
        call: |args, this| {
            args.require(4)?;
            let [x, y, w, h] = args.numbers(0)?;
            eng(this).borrow_mut().clear_rect(x, y, w, h);
            undefined(args)
        },
    },
];
