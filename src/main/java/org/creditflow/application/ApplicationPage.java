package org.creditflow.application;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of applications, newest first.
 */
@Schema(name = "ApplicationPage")
record ApplicationPage(List<ApplicationView> items, long total, int page, int size) {
}
