window.scriptLog.push("defer-1 " + document.readyState);
