//! Case tables for the amounts stage.

