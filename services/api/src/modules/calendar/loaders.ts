// A CalendarFeed has no field that needs the database beyond its own row.
export const loaders = {};
