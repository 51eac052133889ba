// An external script: marks the document it runs in.
document.documentElement.setAttribute("data-external", "ran");
