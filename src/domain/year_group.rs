//! Year group and academic year arithmetic. IMPLEMENTATION PENDING (helper).
