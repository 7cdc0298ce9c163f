package io.hookline.web.console;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Puts {@link StaleFormHandler} in front of the configured handler (OmniFaces' FullAjaxExceptionHandler). */
public class StaleFormHandlerFactory extends ExceptionHandlerFactory {

    public StaleFormHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new StaleFormHandler(getWrapped().getExceptionHandler());
    }
}
