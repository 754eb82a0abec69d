/** Tools on the records of any model: search, read, count, aggregate, name_search, create, update, delete. */
@NullMarked
package dev.odoomcp.tools.records;

import org.jspecify.annotations.NullMarked;
