//! The HTTP layer shared by the commands: the delivery engine (`client`), what an answer must be
//! (`reply`), many deliveries at once (`load`), and a tiny_http listener wrapper (`server`).

pub mod client;
pub mod load;
pub mod reply;
pub mod server;
