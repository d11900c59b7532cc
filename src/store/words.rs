//! Columns holding one of the domain's words (role, stage, kind…), read back as the enum.

use rusqlite::Row;
use rusqlite::types::FromSql;

/// A column holding one of the domain's words.
pub(super) struct Word<T>(pub(super) T);

/// Reads these word enums from their columns; each store file declares the words it reads.
macro_rules! word_from_sql {
    ($($t:ty),+) => {$(
        impl rusqlite::types::FromSql for super::words::Word<$t> {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                <$t>::parse(text)
                    .map(super::words::Word)
                    .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown word {text:?}").into()))
            }
        }
    )+};
}
pub(super) use word_from_sql;

pub(super) fn word<T>(row: &Row, index: usize) -> rusqlite::Result<T>
where
    Word<T>: FromSql,
{
    row.get::<_, Word<T>>(index).map(|w| w.0)
}

pub(super) fn optional_word<T>(row: &Row, index: usize) -> rusqlite::Result<Option<T>>
where
    Word<T>: FromSql,
{
    Ok(row.get::<_, Option<Word<T>>>(index)?.map(|w| w.0))
}

/// Now, as the audit log and `recorded_at` columns keep it: UTC, RFC 3339, to the second.
pub(super) fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
