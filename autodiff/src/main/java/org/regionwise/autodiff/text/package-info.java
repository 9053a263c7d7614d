/**
 * Text helpers shared by every module's messages: {@link org.regionwise.autodiff.text.OneLine} keeps what a user
 * typed from breaking a one-line error.
 */
package org.regionwise.autodiff.text;
