window.scriptLog.push("blocking " + document.readyState);
