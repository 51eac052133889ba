window.scriptLog.push("defer-2 " + document.readyState);
