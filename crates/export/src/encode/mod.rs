//! Encoders: a [`Frame`](crate::frame::Frame) of premultiplied rows to file
//! bytes. Each converts one row at a time, straight from the frame's source.

pub(crate) mod jpeg;
pub(crate) mod png;
