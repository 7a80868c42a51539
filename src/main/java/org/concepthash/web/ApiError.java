package org.concepthash.web;

import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of every API error: {@code {"error": "..."}}. */
@Serdeable
public record ApiError(String error) {}
