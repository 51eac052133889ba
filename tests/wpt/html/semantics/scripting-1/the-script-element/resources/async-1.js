window.scriptLog.push("async-1 " + document.readyState);
