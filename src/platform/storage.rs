//! `localStorage`, reached through calls that report failure instead of panicking.
//!
//! Storage is missing or throws in sandboxed iframes, some private windows and when the
//! quota is full; `gloo-storage`'s `LocalStorage::raw()` panics there, so it is not used.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no storage, or throws when asked for it.
    Unavailable,
    /// Storage exists but refused the read or the write, for example when it is full.
    Refused,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageError::Unavailable => "storage is unavailable",
            StorageError::Refused => "storage refused the operation",
        })
    }
}

fn local() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local()?.get_item(key).map_err(|_| StorageError::Refused)
}

pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local()?
        .set_item(key, value)
        .map_err(|_| StorageError::Refused)
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?.remove_item(key).map_err(|_| StorageError::Refused)
}

/// Every key stored.
pub fn keys() -> Result<Vec<String>, StorageError> {
    let local = local()?;
    let length = local.length().map_err(|_| StorageError::Refused)?;
    (0..length)
        .map(|index| local.key(index).map_err(|_| StorageError::Refused))
        .filter_map(Result::transpose)
        .collect()
}
